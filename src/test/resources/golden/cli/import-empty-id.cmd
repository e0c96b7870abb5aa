# an empty --id (an unset variable) is refused, not read as no --id
import src/test/resources/fixtures/none.onnx --id ''
