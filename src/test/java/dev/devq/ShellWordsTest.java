package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A word devq suggests reads back as typed in a POSIX shell, quotes and dollars included. */
class ShellWordsTest {
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      textBlock =
          """
      -m                       | '-m'
      -it's                    | "-it's"
      -it's $HOME "x" `y` \\   | "-it's \\$HOME \\"x\\" \\`y\\` \\\\"
      """)
  void quotesTheWordAsAShellReadsIt(String word, String quoted) {
    assertEquals(quoted, ShellWords.quoted(word));
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      textBlock =
          """
      seq=128                  | seq=128
      ./models/text_encoder.onnx | ./models/text_encoder.onnx
      my model.onnx            | 'my model.onnx'
      ~/m.onnx                 | '~/m.onnx'
      $HOME                    | '$HOME'
      """)
  void leavesAWordThatNeedsNoQuotesBare(String word, String written) {
    assertEquals(written, ShellWords.word(word));
  }
}
