"""Exports small PyTorch modules whose ONNX graphs hold the patterns devq import must read.

Usage: python3 export_ops.py OUT_DIR

Writes OUT_DIR/NAME.onnx for each module below (opset 17, an image of 1 x 3 x 16 x 16 unless it
names a sequence of 1 x 10 x 16 or 1 x 10 x 64, with the dynamic axes it names) and OUT_DIR/expected.json with each one's parameter count as PyTorch counts it. Unlike
export_models.py it needs PyTorch alone (Debian's python3-torch), not the onnx package.
"""

import json
import os
import sys

import torch
import torch.nn.functional as F
from torch.nn.utils.fusion import fuse_conv_bn_eval

OPSET = 17


class PadThenConv(torch.nn.Module):
    """`pad` applied to the image, then a 3x3 convolution without padding of its own."""

    def __init__(self, pad):
        super().__init__()
        self.pad = pad
        self.conv = torch.nn.Conv2d(3, 8, 3)

    def forward(self, x):
        return self.conv(self.pad(x))


class LinearThen(torch.nn.Module):
    """A linear layer (16 -> 32), what `then` does to its output, and a linear layer back to 16."""

    def __init__(self, then):
        super().__init__()
        self.fc1 = torch.nn.Linear(16, 32)
        self.then = then
        self.fc2 = torch.nn.Linear(32, 16)

    def forward(self, x):
        return self.fc2(self.then(self.fc1(x)))


def gelu_reusing_erf(x):
    """GELU written out, its erf also added to the result: the chain must not fold."""
    e = torch.erf(x / 2**0.5)
    return x * (1 + e) * 0.5 + e


class Attention(torch.nn.Module):
    """One head of self-attention over 10 tokens of 64: softmax(q kT) v, with the scores divided
    by 8 first (a Div node) when `scaled`."""

    def __init__(self, scaled):
        super().__init__()
        self.q = torch.nn.Linear(64, 64)
        self.k = torch.nn.Linear(64, 64)
        self.v = torch.nn.Linear(64, 64)
        self.scaled = scaled

    def forward(self, x):
        scores = self.q(x) @ self.k(x).transpose(-1, -2)
        if self.scaled:
            scores = scores / 8
        return scores.softmax(-1) @ self.v(x)


class ConvThen(torch.nn.Module):
    """A 3x3 convolution, then what `then` does to its output."""

    def __init__(self, then):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 8, 3, padding=1)
        self.then = then

    def forward(self, x):
        return self.then(self.conv(x))


class ConvBatchNorms(torch.nn.Module):
    """Three convolutions, each followed by a batch norm: a 3x3 (then ReLU), a depthwise 3x3 (then
    ReLU6) and a 2x2 transposed one of stride 2; with `folded`, each batch norm is folded into its
    convolution's weights and bias first (torch.nn.utils.fusion), as a converter folds it."""

    def __init__(self, folded):
        super().__init__()
        torch.manual_seed(1)
        pairs = [
            (torch.nn.Conv2d(3, 16, 3, padding=1, bias=False), torch.nn.BatchNorm2d(16)),
            (torch.nn.Conv2d(16, 16, 3, padding=1, groups=16, bias=False), torch.nn.BatchNorm2d(16)),
            (torch.nn.ConvTranspose2d(16, 8, 2, stride=2, bias=False), torch.nn.BatchNorm2d(8)),
        ]
        for _, bn in pairs:
            # statistics as training leaves them, so the fold is not the identity
            bn.running_mean.uniform_(-1, 1)
            bn.running_var.uniform_(0.5, 2)
            bn.eval()
        if folded:
            pairs = [
                (fuse_conv_bn_eval(conv.eval(), bn, transpose=isinstance(conv, torch.nn.ConvTranspose2d)),)
                for conv, bn in pairs
            ]
        acts = [torch.nn.ReLU(), torch.nn.ReLU6(), torch.nn.Identity()]
        self.body = torch.nn.Sequential(*[m for pair, act in zip(pairs, acts) for m in pair + (act,)])

    def forward(self, x):
        return self.body(x)


class ConvReadTwice(torch.nn.Module):
    """A convolution whose output a batch norm and an add both read: the batch norm cannot fold."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 8, 3, padding=1)
        self.bn = torch.nn.BatchNorm2d(8)

    def forward(self, x):
        y = self.conv(x)
        return self.bn(y) + y


torch.manual_seed(0)
IMAGE = torch.randn(1, 3, 16, 16)
SEQUENCE = torch.randn(1, 10, 16)
TOKENS = torch.randn(1, 10, 64)

MODULES = {
    # torch.where writes a Where node; where and argmax are catalog ops whose ids are also words of
    # the query language
    "where": ConvThen(lambda y: torch.where(y > 0, y, y * 0.1)),
    "hardshrink": ConvThen(F.hardshrink),
    "argmax": ConvThen(lambda y: torch.argmax(y, dim=1)),
    # PyTorch writes the pads of F.pad and nn.ZeroPad2d as a constant chain: ConstantOfShape,
    # Concat, Reshape, Slice (step -1), Transpose, Reshape, Cast
    "pad": PadThenConv(lambda x: F.pad(x, (1, 2, 1, 2))),
    "zero_pad": PadThenConv(torch.nn.ZeroPad2d((1, 1, 2, 0))),
    "reflect_pad": PadThenConv(lambda x: F.pad(x, (2, 0, 1, 1), mode="reflect")),
    # below opset 20 exact GELU is Div, Erf, Add, Mul, Mul, and its tanh approximation nine nodes
    "gelu": (LinearThen(torch.nn.GELU()), SEQUENCE),
    "gelu_tanh": (LinearThen(torch.nn.GELU(approximate="tanh")), SEQUENCE),
    "gelu_reusing_erf": (LinearThen(gelu_reusing_erf), SEQUENCE),
    # a softmax after the matmul of the scores, and after a Div that scales them
    "one_head": (Attention(False), TOKENS),
    "one_head_scaled": (Attention(True), TOKENS),
    # three dynamic axes, each named, for --dim
    "dynamic": (ConvThen(torch.relu), IMAGE, {"x": {0: "batch", 2: "height", 3: "width"}}),
    # batch norms kept as nodes (KEEPS_BATCH_NORMS), and the same network with them folded into
    # the convolutions
    "conv_bn": ConvBatchNorms(folded=False),
    "conv_bn_folded": ConvBatchNorms(folded=True),
    "conv_read_twice": ConvReadTwice(),
}


# exported with training=PRESERVE, so that PyTorch does not fold their batch norms itself (a plain
# eval export folds every batch norm that follows a convolution)
KEEPS_BATCH_NORMS = {"conv_bn", "conv_bn_folded", "conv_read_twice"}


def unpack(entry):
    """(module, example input, dynamic axes) of an entry of MODULES: a module alone takes IMAGE."""
    if not isinstance(entry, tuple):
        return entry, IMAGE, None
    return entry + (None,) * (3 - len(entry))


def main(out):
    os.makedirs(out, exist_ok=True)
    expected = {}
    for name, entry in MODULES.items():
        module, example, dynamic = unpack(entry)
        torch.onnx.export(
            module.eval(),
            example,
            os.path.join(out, name + ".onnx"),
            opset_version=OPSET,
            input_names=["x"],
            output_names=["y"],
            dynamic_axes=dynamic,
            training=(
                torch.onnx.TrainingMode.PRESERVE
                if name in KEEPS_BATCH_NORMS
                else torch.onnx.TrainingMode.EVAL
            ),
        )
        expected[name] = {"params": sum(p.numel() for p in module.parameters())}
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=2, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
