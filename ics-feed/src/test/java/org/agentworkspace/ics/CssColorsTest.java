package org.agentworkspace.ics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CssColorsTest {

    @Test
    void exactCss3ValuesGiveTheirName() {
        assertThat(CssColors.nearest("#ff0000")).contains("red");
        assertThat(CssColors.nearest("#4169E1")).contains("royalblue");
        assertThat(CssColors.nearest("#008080")).contains("teal");
    }

    @Test
    void otherValuesGiveTheClosestName() {
        assertThat(CssColors.nearest("#fe0101")).contains("red");
        assertThat(CssColors.nearest("#3b82f6")).hasValueSatisfying(n -> assertThat(n).containsIgnoringCase("blue"));
        assertThat(CssColors.nearest("#101010")).contains("black");
    }

    @Test
    void anythingButSixHexDigitsGivesNothing() {
        assertThat(CssColors.nearest("red")).isEmpty();
        assertThat(CssColors.nearest("#fff")).isEmpty();
        assertThat(CssColors.nearest("#ff0000\r\nX:y")).isEmpty();
    }
}
