package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.newsdesk.testing.Readme;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The front door for library users: what a release needs in the POMs, the BOM, NOTICE and
 * CHANGELOG. (Manifests and reproducibility are checked on the built jars by {@code .ci/run}.)
 */
class ReleaseMetadataTest {
  private static final Path ROOT = Readme.root();

  private static Element pom(String path) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document d = f.newDocumentBuilder().parse(ROOT.resolve(path).toFile());
    return d.getDocumentElement();
  }

  /** The text of the first element at a slash-separated path of child names, or null. */
  private static String text(Element e, String path) {
    Element at = child(e, path);
    return at == null ? null : at.getTextContent().trim();
  }

  private static Element child(Element e, String path) {
    Element at = e;
    for (String name : path.split("/")) {
      Element next = null;
      NodeList children = at.getChildNodes();
      for (int i = 0; i < children.getLength() && next == null; i++) {
        Node n = children.item(i);
        if (n instanceof Element c && c.getTagName().equals(name)) {
          next = c;
        }
      }
      if (next == null) {
        return null;
      }
      at = next;
    }
    return at;
  }

  private static List<String> texts(Element parent, String listPath, String field) {
    List<String> values = new ArrayList<>();
    Element list = child(parent, listPath);
    if (list == null) {
      return values;
    }
    NodeList children = list.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element c) {
        values.add(field == null ? c.getTextContent().trim() : text(c, field));
      }
    }
    return values;
  }

  @Test
  void theParentPomHasWhatARepositoryAsksOfARelease() throws Exception {
    Element parent = pom("pom.xml");

    assertThat(text(parent, "url")).startsWith("https://");
    assertThat(text(parent, "licenses/license/name")).isEqualTo("Apache License, Version 2.0");
    assertThat(text(parent, "licenses/license/url")).startsWith("https://");
    assertThat(text(parent, "scm/url")).isEqualTo(text(parent, "url"));
    assertThat(text(parent, "scm/connection")).startsWith("scm:git:");
    assertThat(text(parent, "scm/developerConnection")).startsWith("scm:git:");
    assertThat(text(parent, "developers/developer/name")).isNotBlank();
    assertThat(text(parent, "issueManagement/url")).startsWith(text(parent, "url"));
    // reproducible builds: a fixed, valid timestamp for every archive entry
    Instant.parse(text(parent, "properties/project.build.outputTimestamp"));
  }

  @Test
  void theBomListsTheLibraryArtifactsAtTheProjectsVersion() throws Exception {
    Element parent = pom("pom.xml");
    Element bom = pom("bom/pom.xml");
    List<String> modules = texts(parent, "modules", null);

    assertThat(modules).contains("bom");
    assertThat(text(bom, "artifactId")).isEqualTo("newsdesk-bom");
    assertThat(text(bom, "packaging")).isEqualTo("pom");
    // no parent: importing the BOM must not also import the build's third-party versions
    assertThat(child(bom, "parent")).isNull();
    assertThat(text(bom, "groupId")).isEqualTo(text(parent, "groupId"));
    assertThat(text(bom, "version")).isEqualTo(text(parent, "version"));
    List<String> expected = new ArrayList<>(List.of("newsdesk-core", "newsdesk-classifier"));
    if (modules.contains("spark")) {
      expected.add("newsdesk-spark_2.13");
    }
    assertThat(texts(bom, "dependencyManagement/dependencies", "artifactId"))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(texts(bom, "dependencyManagement/dependencies", "version"))
        .containsOnly("${project.version}");
    for (String field : List.of("url", "licenses/license/name", "scm/url", "issueManagement/url")) {
      assertThat(text(bom, field)).as(field).isEqualTo(text(parent, field));
    }
    assertThat(text(bom, "properties/project.build.outputTimestamp"))
        .isEqualTo(text(parent, "properties/project.build.outputTimestamp"));
  }

  @Test
  void everyModuleJarGetsLicenseNoticeAndImplementationEntries() throws Exception {
    String parent = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);

    assertThat(parent.replaceAll("\\s+", ""))
        .contains("<include>LICENSE</include><include>NOTICE</include>")
        .contains("<addDefaultImplementationEntries>true</addDefaultImplementationEntries>");
    assertThat(ROOT.resolve("LICENSE")).exists();
  }

  @Test
  void noticeNamesTheProjectAndItsLicence() throws IOException {
    String notice = Files.readString(ROOT.resolve("NOTICE"), StandardCharsets.UTF_8);

    assertThat(notice).startsWith("Newsdesk\nCopyright ").contains("Apache License, Version 2.0");
  }

  @Test
  void theChangelogKeepsAChangelogWithAnUnreleasedSection() throws IOException {
    String changelog = Files.readString(ROOT.resolve("CHANGELOG.md"), StandardCharsets.UTF_8);

    assertThat(changelog)
        .startsWith("# Changelog")
        .contains("Keep a Changelog", "## [Unreleased]", "### Added", "[Unreleased]: https://");
    assertThat(Readme.text()).contains("(CHANGELOG.md)");
  }

  @Test
  void theReadmeSaysHowToGetTheArtifactsAndImportTheBom() {
    String readme = Readme.text();
    List<String> xml = Readme.blocks("xml");

    assertThat(readme).contains("mvn -B -q -DskipTests -pl bom,classifier -am install", "--add-modules org.slf4j");
    assertThat(xml).anySatisfy(b -> assertThat(b).contains("<artifactId>newsdesk-bom</artifactId>",
        "<scope>import</scope>"));
  }
}
