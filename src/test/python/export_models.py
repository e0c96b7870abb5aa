"""Exports real PyTorch models to ONNX for devq's import tests.

Usage: python3 export_models.py OUT_DIR

Writes OUT_DIR/NAME.onnx for torchvision's resnet50, mobilenet_v2, mobilenet_v3_large,
efficientnet_b0 and vit_b_16 (weights=None: nothing is downloaded) and a small
torch.nn.TransformerEncoder text model, a small CNN quantized by PyTorch (a QDQ graph) and one with
CELU (an op the catalog lacks), plus OUT_DIR/expected.json with what PyTorch itself counts
(parameters; for the torchvision models also their batch-norm channels, for the text model its
MACs), which the tests compare the import with.

The torchvision models are exported with training=PRESERVE on a model in eval mode: the graph keeps
its BatchNormalization nodes, as torchvision's parameter counts do. resnet50_folded.onnx is the
plain eval export, where PyTorch folds each BatchNormalization into the convolution before it, and
mobilenet_v2_external.onnx keeps its weights in an external-data file beside it.

Needs Debian's python3-torch, python3-torchvision and python3-onnx (for /usr/bin/python3).
"""

import json
import os
import sys

import onnx
import torch
import torchvision

OPSET = 17


class TextEncoder(torch.nn.Module):
    """Token ids [batch, seq] -> two class logits: embedding, 2 encoder layers, mean, linear."""

    def __init__(self, vocab=1000, dim=128, heads=4, ff=512, layers=2):
        super().__init__()
        self.embed = torch.nn.Embedding(vocab, dim)
        layer = torch.nn.TransformerEncoderLayer(dim, heads, ff, dropout=0.0, batch_first=True)
        self.encoder = torch.nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.head = torch.nn.Linear(dim, 2)

    def forward(self, tokens):
        return self.head(self.encoder(self.embed(tokens)).mean(dim=1))


class QuantizedNet(torch.nn.Module):
    """A small CNN for PyTorch's eager post-training quantization: exports as a QDQ graph."""

    def __init__(self):
        super().__init__()
        self.quant = torch.ao.quantization.QuantStub()
        self.conv1 = torch.nn.Conv2d(3, 16, 3, padding=1)
        self.relu = torch.nn.ReLU()
        self.conv2 = torch.nn.Conv2d(16, 32, 3, stride=2, padding=1)
        self.pool = torch.nn.AdaptiveAvgPool2d(1)
        self.fc = torch.nn.Linear(32, 10)
        self.dequant = torch.ao.quantization.DeQuantStub()

    def forward(self, x):
        x = self.relu(self.conv1(self.quant(x)))
        return self.dequant(self.fc(self.pool(self.conv2(x)).flatten(1)))


class CeluNet(torch.nn.Module):
    """A CNN with CELU, an activation devq's op catalog does not list: it imports as unknown."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 16, 3, padding=1)
        self.act = torch.nn.CELU()
        self.pool = torch.nn.AdaptiveAvgPool2d(1)
        self.fc = torch.nn.Linear(16, 10)

    def forward(self, x):
        return self.fc(self.pool(self.act(self.conv(x))).flatten(1))


def text_macs(seq=32, dim=128, ff=512, layers=2):
    """Multiply-adds of TextEncoder for one sequence: projections, attention, feed-forward, head."""
    per_layer = seq * dim * 3 * dim + 2 * seq * seq * dim + seq * dim * dim + 2 * seq * dim * ff
    return layers * per_layer + dim * 2


def params(model):
    return sum(p.numel() for p in model.parameters())


def batch_norm_channels(model):
    """Channels of the model's batch norms: folded into the convolution before each, a norm's
    scale and shift (two values per channel) become that convolution's bias (one value)."""
    norms = torch.nn.modules.batchnorm._BatchNorm
    return sum(m.num_features for m in model.modules() if isinstance(m, norms))


def export(model, example, path, names, dynamic=None, training=torch.onnx.TrainingMode.PRESERVE):
    model.eval()
    # Grad enabled with trainable weights keeps PyTorch off its fused inference fast paths
    # (native multi-head attention), which have no ONNX export.
    with torch.enable_grad():
        torch.onnx.export(
            model,
            example,
            path,
            opset_version=OPSET,
            training=training,
            do_constant_folding=True,
            input_names=names[0],
            output_names=names[1],
            dynamic_axes=dynamic,
        )


def main(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    expected = {}
    image = torch.randn(1, 3, 224, 224)
    for name in ["resnet50", "mobilenet_v2", "mobilenet_v3_large", "efficientnet_b0", "vit_b_16"]:
        model = getattr(torchvision.models, name)(weights=None)
        export(model, image, os.path.join(out, name + ".onnx"), (["image"], ["logits"]))
        expected[name] = {
            "params": params(model),
            "batch_norm_channels": batch_norm_channels(model),
        }
        print("exported", name, flush=True)

    resnet = torchvision.models.resnet50(weights=None)
    export(
        resnet,
        image,
        os.path.join(out, "resnet50_folded.onnx"),
        (["image"], ["logits"]),
        training=torch.onnx.TrainingMode.EVAL,
    )

    external = onnx.load(os.path.join(out, "mobilenet_v2.onnx"))
    onnx.save_model(
        external,
        os.path.join(out, "mobilenet_v2_external.onnx"),
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location="mobilenet_v2_external.weights",
        size_threshold=1024,
    )

    text = TextEncoder()
    export(
        text,
        torch.randint(0, 1000, (1, 32)),
        os.path.join(out, "text_encoder.onnx"),
        (["tokens"], ["logits"]),
        dynamic={"tokens": {0: "batch", 1: "seq"}},
    )
    expected["text_encoder"] = {"params": params(text), "macs": text_macs()}
    print("exported text_encoder", flush=True)

    small = torch.randn(1, 3, 32, 32)
    celu = CeluNet()
    export(celu, small, os.path.join(out, "celu_net.onnx"), (["image"], ["logits"]))
    expected["celu_net"] = {"params": params(celu)}

    quantized = QuantizedNet().eval()
    expected["quantized_net"] = {"params": params(quantized)}
    quantized.qconfig = torch.ao.quantization.get_default_qconfig("fbgemm")
    prepared = torch.ao.quantization.prepare(quantized)
    prepared(torch.randn(8, 3, 32, 32))
    torch.onnx.export(
        torch.ao.quantization.convert(prepared),
        small,
        os.path.join(out, "quantized_net.onnx"),
        opset_version=OPSET,
        input_names=["image"],
        output_names=["logits"],
    )
    print("exported celu_net and quantized_net", flush=True)

    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=2, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
