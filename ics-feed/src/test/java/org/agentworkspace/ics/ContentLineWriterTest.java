package org.agentworkspace.ics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentLineWriterTest {

    /** Physical lines of a byte stream, each without its CRLF; fails if any line ends otherwise. */
    static List<byte[]> physicalLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                assertThat(i).as("LF at %d is preceded by CR", i).isGreaterThan(start);
                assertThat(bytes[i - 1]).as("LF at %d is preceded by CR", i).isEqualTo((byte) '\r');
                lines.add(Arrays.copyOfRange(bytes, start, i - 1));
                start = i + 1;
            } else if (bytes[i] == '\r') {
                assertThat(i + 1 < bytes.length && bytes[i + 1] == '\n').as("CR at %d is followed by LF", i).isTrue();
            }
        }
        assertThat(start).as("the stream ends with CRLF").isEqualTo(bytes.length);
        return lines;
    }

    /** Asserts every physical line is whole UTF-8 of at most 75 octets; answers the unfolded text. */
    static String checkedUnfold(byte[] bytes) {
        StringBuilder unfolded = new StringBuilder();
        for (byte[] line : physicalLines(bytes)) {
            assertThat(line.length).as("octets in a physical line").isLessThanOrEqualTo(75);
            String text = new String(line, StandardCharsets.UTF_8);
            assertThat(text.getBytes(StandardCharsets.UTF_8)).as("a fold splits no UTF-8 sequence").isEqualTo(line);
            if (text.startsWith(" ")) {
                unfolded.append(text, 1, text.length());
            } else {
                if (unfolded.length() > 0) {
                    unfolded.append('\n');
                }
                unfolded.append(text);
            }
        }
        return unfolded.toString();
    }

    private static byte[] write(String... lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContentLineWriter w = new ContentLineWriter(out);
        for (String line : lines) {
            w.line(line);
        }
        w.flush();
        return out.toByteArray();
    }

    @Test
    void shortLineIsWrittenAsIsWithCrlf() throws IOException {
        assertThat(new String(write("VERSION:2.0"), StandardCharsets.UTF_8)).isEqualTo("VERSION:2.0\r\n");
    }

    @Test
    void lineOfExactly75OctetsIsNotFolded() throws IOException {
        String line = "X".repeat(75);
        assertThat(physicalLines(write(line))).hasSize(1);
    }

    @Test
    void asciiLineFoldsAt75ThenAt74PlusTheLeadingSpace() throws IOException {
        byte[] bytes = write("SUMMARY:" + "a".repeat(200));
        List<byte[]> lines = physicalLines(bytes);
        assertThat(lines.get(0)).hasSize(75);
        assertThat(lines.get(1)).hasSize(75);
        assertThat(lines.get(1)[0]).isEqualTo((byte) ' ');
        assertThat(checkedUnfold(bytes)).isEqualTo("SUMMARY:" + "a".repeat(200));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74})
    void fourByteCharactersAreNeverSplitWhateverTheirOffset(int prefix) throws IOException {
        String text = "D:" + "x".repeat(prefix) + "🚀😀🎉𝄞".repeat(30) + "日本語テキスト".repeat(10) + "é".repeat(50);
        byte[] bytes = write(text);
        assertThat(checkedUnfold(bytes)).isEqualTo(text);
    }

    @Test
    void manyLinesLongerThanTheBufferSurviveIntact() throws IOException {
        String big = "DESCRIPTION:" + "żółć🙂".repeat(5000);
        byte[] bytes = write("BEGIN:VEVENT", big, "END:VEVENT");
        assertThat(checkedUnfold(bytes)).isEqualTo("BEGIN:VEVENT\n" + big + "\nEND:VEVENT");
    }

    @Test
    void randomTextIsEncodedAsTheJdkEncodesItIncludingLoneSurrogatesAsQuestionMarks() throws IOException {
        char[] pool = {'a', 'Z', ' ', ';', 'é', 'ß', '日', '€', '\uFFFF', '\uD83D', '\uDE80', '\uD834', '\uDD1E'};
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 2000; i++) {
            char[] chars = new char[random.nextInt(400)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = pool[random.nextInt(pool.length)];
            }
            String text = "X:" + new String(chars);
            byte[] jdk = text.getBytes(StandardCharsets.UTF_8);
            assertThat(checkedUnfold(write(text)).getBytes(StandardCharsets.UTF_8)).as(text).isEqualTo(jdk);
        }
    }

    @Test
    void composedLinesAreWrittenLikeWholeOnesAndEachStartsAfresh() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContentLineWriter w = new ContentLineWriter(out);
        w.start("SUMMARY:").append("🚀".repeat(30));
        w.end();
        w.start("UID:").append('x');
        w.end();
        w.flush();
        assertThat(out.toByteArray()).isEqualTo(write("SUMMARY:" + "🚀".repeat(30), "UID:x"));
    }

    @Test
    void rawLineBreakIsRefusedSoTextCannotInjectProperties() {
        assertThatThrownBy(() -> write("SUMMARY:a\r\nATTENDEE:x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> write("SUMMARY:a\nb")).isInstanceOf(IllegalArgumentException.class);
        ContentLineWriter w = new ContentLineWriter(new ByteArrayOutputStream());
        w.start("SUMMARY:").append("a\r\nATTENDEE:x");
        assertThatThrownBy(w::end).isInstanceOf(IllegalArgumentException.class);
    }
}
