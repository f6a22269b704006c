package org.agentworkspace.mcp;

/** The descriptions of a document's fields, shared by the document tools. */
final class DocumentFields {
    static final String TITLE = "The document's title, 1–500 characters.";
    static final String CONTENT = "The body, at most 100,000 characters. markdown: Markdown text. sheet: a JSON "
            + "array of row objects serialised into this string, e.g. "
            + "\"[{\\\"name\\\":\\\"Ada\\\",\\\"score\\\":3}]\". slide: Markdown with slides separated by a line "
            + "containing only ---.";

    private DocumentFields() {
    }
}
