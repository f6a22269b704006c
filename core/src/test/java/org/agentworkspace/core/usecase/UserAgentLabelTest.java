package org.agentworkspace.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAgentLabelTest {

    @Test
    void controlCharactersAreDroppedSoTheLabelCanBeStored() {
        assertThat(ServeFeedService.truncate("Google\u0000-Calendar\r\n-Importer")).isEqualTo("Google-Calendar-Importer");
        assertThat(ServeFeedService.truncate("\u0000\t")).isNull();
        assertThat(ServeFeedService.truncate(null)).isNull();
    }

    @Test
    void longLabelsAreCutAt200WithoutSplittingASurrogatePair() {
        String longOne = "a".repeat(199) + "\uD83D\uDE00" + "tail";
        assertThat(ServeFeedService.truncate(longOne)).isEqualTo("a".repeat(199));
        assertThat(ServeFeedService.truncate("b".repeat(300))).hasSize(200);
    }
}
