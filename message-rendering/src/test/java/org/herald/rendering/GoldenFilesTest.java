package org.herald.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case under {@code src/test/resources/golden/<template>/<case>/}: {@code content.txt} (and
 * an optional {@code title.txt}) rendered with the directory's template must give exactly {@code
 * page.html}, {@code plain.txt} and {@code robot.md} (each file ends with one extra newline).
 * {@code -Dgolden.update=true} rewrites the expected files from the current output, for review.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final MessageRenderer RENDERER = new MessageRenderer();

    static Stream<Arguments> cases() throws IOException {
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            return files
                    .filter(path -> path.getFileName().toString().equals("content.txt"))
                    .map(Path::getParent)
                    .sorted()
                    .map(dir -> Arguments.of(GOLDEN.relativize(dir).toString(), dir))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldRenderEachTemplateAsItsGoldenFiles(String name, Path dir) throws IOException {
        String template = dir.getParent().getFileName().toString();
        String title = Files.exists(dir.resolve("title.txt")) ? read(dir.resolve("title.txt")) : "";
        RenderedMessage rendered = RENDERER.render(template, title, read(dir.resolve("content.txt")));

        if (Boolean.getBoolean("golden.update")) {
            write(dir.resolve("page.html"), rendered.pageHtml());
            write(dir.resolve("plain.txt"), rendered.plainText());
            write(dir.resolve("robot.md"), rendered.markdown());
        }

        assertThat(rendered.pageHtml()).as(name + " page.html").isEqualTo(read(dir.resolve("page.html")));
        assertThat(rendered.plainText()).as(name + " plain.txt").isEqualTo(read(dir.resolve("plain.txt")));
        assertThat(rendered.markdown()).as(name + " robot.md").isEqualTo(read(dir.resolve("robot.md")));
    }

    /** The file without its final newline, which editors add and the renderers do not produce. */
    private static String read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    }
}
