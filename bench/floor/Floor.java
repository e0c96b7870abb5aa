/**
 * The start-up floor devq is measured against: a trivial program that loads the same libraries
 * (Jackson YAML, ANTLR's runtime, Lucene, picocli, JLine) and does nothing with them, run with
 * its own class-data archive exactly as the launcher runs devq. What devq takes above this is its
 * own work.
 */
@picocli.CommandLine.Command(name = "floor")
public final class Floor {
  public static void main(String[] args) throws Exception {
    new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree("a: 1");
    org.antlr.v4.runtime.CharStreams.fromString("x");
    new org.apache.lucene.store.ByteBuffersDirectory().close();
    new picocli.CommandLine(new Floor()).getCommandSpec();
    System.out.println(org.jline.utils.AttributedString.fromAnsi("2").toString());
  }
}
