package org.agentworkspace.core.domain;

import java.util.Optional;

/**
 * The contract's rules for a document: {@code title} 1 to 500 characters; {@code type}
 * {@code markdown} (default), {@code sheet} or {@code slide}, fixed at creation; {@code content} at
 * most 100,000 characters (code points), for a sheet a JSON array of row objects.
 *
 * <p>Absent or {@code null} content is empty: {@code ""} for markdown and slides, {@code []} for
 * a sheet, so every stored sheet parses.
 */
public final class DocumentRules {
    public static final int TITLE_MAX = 500;
    public static final int CONTENT_MAX = 100_000;
    private static final String TYPES = "markdown, sheet, slide";

    private DocumentRules() {
    }

    /** @throws ValidationFailed with every issue */
    public static DocumentData forCreate(Field<String> title, Field<String> type, Field<String> content) {
        Issues issues = new Issues();
        String validTitle = title(Fields.required(title, "title", issues), issues);
        String typeText = Fields.optional(type, "type", issues);
        DocumentType validType = DocumentType.MARKDOWN;
        if (typeText != null) {
            Optional<DocumentType> parsed = DocumentType.fromWire(typeText);
            if (parsed.isEmpty()) {
                issues.add("type", "type must be one of " + TYPES);
            }
            validType = parsed.orElse(null);
        }
        String validContent = content(Fields.optional(content, "content", issues), validType, issues);
        issues.throwIfAny();
        return new DocumentData(validTitle, validType, validContent);
    }

    /**
     * Sent fields over the stored document; {@code null} content empties it. A {@code type} may be
     * sent only with the stored value.
     *
     * @throws ValidationFailed with every issue
     */
    public static DocumentData forUpdate(Document stored, Field<String> title, Field<String> type,
                                         Field<String> content) {
        Issues issues = new Issues();
        String validTitle = title.isPresent() ? title(Fields.required(title, "title", issues), issues) : stored.title();
        if (type.isPresent()) {
            String typeText = Fields.optional(type, "type", issues);
            if (!stored.type().wireName().equals(typeText) && !(type instanceof Field.WrongType<String>)) {
                issues.add("type", "type is fixed at creation; this document stays " + stored.type().wireName());
            }
        }
        String validContent = content.isPresent()
                ? content(Fields.optional(content, "content", issues), stored.type(), issues)
                : stored.content();
        issues.throwIfAny();
        return new DocumentData(validTitle, stored.type(), validContent);
    }

    private static String title(String title, Issues issues) {
        if (title == null) {
            return null;
        }
        if (!Fields.lengthBetween(title, 1, TITLE_MAX)) {
            issues.add("title", "title must be 1 to " + TITLE_MAX + " characters");
        } else if (title.isBlank()) {
            issues.add("title", "title must not be blank");
        }
        return title;
    }

    private static String content(String content, DocumentType type, Issues issues) {
        if (content == null) {
            return type == DocumentType.SHEET ? "[]" : "";
        }
        if (Fields.length(content) > CONTENT_MAX) {
            issues.add("content", "content must be at most " + CONTENT_MAX + " characters");
            return content;
        }
        if (type == DocumentType.SHEET) {
            JsonSyntax.checkArrayOfObjects(content).ifPresent(problem -> issues.add("content",
                    "content of a sheet must be a JSON array of row objects, e.g. [{\"name\": \"Ada\"}]: " + problem));
        }
        return content;
    }
}
