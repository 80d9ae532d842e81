package pe.cmep.gateway.spa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpaFilesTest {

    @TempDir
    Path home;

    private Path dist;
    private SpaFiles files;

    @BeforeEach
    void build() throws IOException {
        dist = Files.createDirectories(home.resolve("dist"));
        Files.writeString(dist.resolve("index.html"), "<!doctype html>");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("assets/index-3f2a.js"), "export {}");
        Files.writeString(dist.resolve(".env"), "SECRET=1");
        Files.createDirectories(dist.resolve(".hidden"));
        Files.writeString(dist.resolve(".hidden/a.js"), "x");
        Files.writeString(home.resolve("secret.txt"), "SECRET");
        Files.createSymbolicLink(dist.resolve("leak.txt"), home.resolve("secret.txt"));
        files = SpaFiles.at(dist);
    }

    @Test
    void a_file_of_the_build_is_found() throws IOException {
        assertThat(files.file(List.of("assets", "index-3f2a.js")))
                .contains(dist.resolve("assets/index-3f2a.js").toRealPath());
        assertThat(files.file(List.of("index.html"))).contains(dist.resolve("index.html").toRealPath());
    }

    @Test
    void folders_missing_files_and_the_root_are_no_file() {
        assertThat(files.file(List.of())).isEmpty();
        assertThat(files.file(List.of("assets"))).isEmpty();
        assertThat(files.file(List.of("assets", "gone.js"))).isEmpty();
        assertThat(files.file(List.of("app", "solicitudes", "5"))).isEmpty();
    }

    @Test
    void nothing_outside_the_folder_is_reachable() {
        assertThat(files.file(List.of("..", "secret.txt"))).isEmpty();
        assertThat(files.file(List.of("assets", "..", "..", "secret.txt"))).isEmpty();
        assertThat(files.file(List.of("../secret.txt"))).isEmpty();
        assertThat(files.file(List.of("..\\secret.txt"))).isEmpty();
        assertThat(files.file(List.of(home.resolve("secret.txt").toString()))).isEmpty();
        assertThat(files.file(List.of("leak.txt"))).isEmpty();
        assertThat(files.file(List.of("index.html\0.js"))).isEmpty();
    }

    @Test
    void dotfiles_and_dot_folders_are_never_served() {
        assertThat(files.file(List.of(".env"))).isEmpty();
        assertThat(files.file(List.of(".hidden", "a.js"))).isEmpty();
        assertThat(files.file(List.of(".", "index.html"))).isEmpty();
    }

    @Test
    void a_folder_without_index_html_stops_the_start_up() {
        assertThatThrownBy(() -> SpaFiles.at(home))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CMEP_SPA_DIR")
                .hasMessageContaining("index.html");
    }
}
