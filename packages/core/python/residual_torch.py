"""A Residual model as a PyTorch module, written by `residual export` beside its .safetensors file.

Self-contained: it needs only torch. It defines the network that @residual/core built (its
architecture is the ARCHITECTURE table below, the model's entry of resnetSpecs in
packages/core/src/model/models/resnet.ts, copied at export time) with Residual's layer names as
module names, which are torchvision's where torchvision has the module (conv1, bn1, layer1.0.conv2,
layer2.0.downsample.0, fc; pre-activation networks add bn_final), so the exported weights load
strictly:

    import importlib.util
    spec = importlib.util.spec_from_file_location("exported", "resnet20.py")
    exported = importlib.util.module_from_spec(spec); spec.loader.exec_module(exported)
    model = exported.load("resnet20.safetensors")   # build() + load_state_dict(strict=True)
    logits = model.eval()(images)                   # images [N, C, H, W], normalised as the file's residual.data says

read_safetensors / write_safetensors use the safetensors package when it is installed and a small
reader/writer of the same format otherwise. PyTorch's layout is NCHW; Residual's is NHWC: the
weights are stored in PyTorch's layout (conv OIHW, linear [out, in]).
"""

import json
import struct

import torch
import torch.nn as nn
import torch.nn.functional as F

# Replaced by `residual export`: the model's name, its resnetSpecs entry, classes and input shape.
ARCHITECTURE = None


class BasicBlock(nn.Module):
    """torchvision's BasicBlock: two 3x3 convs with BN; the shortcut added (unless plain), then ReLU."""

    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None, residual=True):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = downsample
        self.residual = residual

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.residual:
            out = out + (x if self.downsample is None else self.downsample(x))
        return self.relu(out)


class Bottleneck(nn.Module):
    """torchvision's Bottleneck (v1.5: the stride on the 3x3 conv): 1x1, 3x3, 1x1 to 4x planes."""

    expansion = 4

    def __init__(self, inplanes, planes, stride=1, downsample=None, residual=True):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, planes * self.expansion, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes * self.expansion)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = downsample
        self.residual = residual

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        if self.residual:
            out = out + (x if self.downsample is None else self.downsample(x))
        return self.relu(out)


class ZeroPadShortcut(nn.Module):
    """The paper's option A shortcut (He et al. 2015, section 3.3), no parameters: every stride-th row
    and column, then zeros after the input's channels up to `channels` (Residual's zeroPadShortcut)."""

    def __init__(self, channels, stride):
        super().__init__()
        self.channels = channels
        self.stride = stride

    def forward(self, x):
        x = x[:, :, ::self.stride, ::self.stride]  # [N, C, ceil(H/S), ceil(W/S)]
        return F.pad(x, (0, 0, 0, 0, 0, self.channels - x.shape[1]))  # [N, channels, ceil(H/S), ceil(W/S)]


class PreActBlock(nn.Module):
    """The full pre-activation block (He et al. 2016, fig. 4e): BN, ReLU, 3x3 conv, BN, ReLU, 3x3 conv,
    plus the shortcut, and no ReLU after the add. A shape-changing shortcut reads relu1(bn1(x))."""

    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None, residual=True):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(inplanes)
        self.relu1 = nn.ReLU()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.relu2 = nn.ReLU()
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.downsample = downsample
        self.residual = residual

    def forward(self, x):
        preactivated = self.relu1(self.bn1(x))
        out = self.conv1(preactivated)
        out = self.conv2(self.relu2(self.bn2(out)))
        if not self.residual:
            return out
        return out + (x if self.downsample is None else self.downsample(preactivated))


BLOCKS = {"basic": BasicBlock, "bottleneck": Bottleneck, "preact": PreActBlock}


class ResNet(nn.Module):
    """torchvision's ResNet with Residual's choices as data: stem, block, widths, stages, shortcuts.
    Pre-activation networks (v2) keep only the stem's conv and end with BN and ReLU before pooling."""

    def __init__(self, architecture):
        super().__init__()
        spec = architecture["spec"]
        if spec["block"] not in BLOCKS or spec["shortcut"] not in ("projection", "zero-pad", "none"):
            raise NotImplementedError(
                f"residual_torch: the block must be one of {', '.join(BLOCKS)} and the shortcut projection, zero-pad or none, "
                f"but got {spec['block']} and {spec['shortcut']}."
            )
        block = BLOCKS[spec["block"]]
        self.preact = spec["block"] == "preact"
        channels = architecture["inputShape"][2]
        self.inplanes = spec["stemFilters"]
        if spec["stem"] == "imagenet":
            self.conv1 = nn.Conv2d(channels, self.inplanes, 7, 2, 3, bias=False)
        else:
            self.conv1 = nn.Conv2d(channels, self.inplanes, 3, 1, 1, bias=False)
        if not self.preact:
            self.bn1 = nn.BatchNorm2d(self.inplanes)
            self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, 2, 1) if spec["stem"] == "imagenet" else nn.Identity()
        self.stages = len(spec["layers"])
        for index, (blocks, width) in enumerate(zip(spec["layers"], spec["widths"])):
            layer = self._make_layer(block, width, blocks, 1 if index == 0 else 2, spec["shortcut"])
            self.add_module(f"layer{index + 1}", layer)
        if self.preact:
            # He et al. 2016: the last sum is normalized and activated once more
            self.bn_final = nn.BatchNorm2d(self.inplanes)
            self.relu_final = nn.ReLU(inplace=True)
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(self.inplanes, architecture["numClasses"])

    def _make_layer(self, block, planes, blocks, stride, shortcut):
        # The one place that decides the shortcut, as Residual's makeStage: a block that changes the
        # shape gets the spec's shortcut, every other block the identity.
        downsample = None
        out_planes = planes * block.expansion
        if shortcut != "none" and (stride != 1 or self.inplanes != out_planes):
            if shortcut == "zero-pad":
                downsample = ZeroPadShortcut(out_planes, stride)
            elif block is PreActBlock:
                # the paper's code: a projection without BN, reading the pre-activated input
                downsample = nn.Sequential(nn.Conv2d(self.inplanes, out_planes, 1, stride, bias=False))
            else:
                downsample = nn.Sequential(
                    nn.Conv2d(self.inplanes, out_planes, 1, stride, bias=False),
                    nn.BatchNorm2d(out_planes),
                )
        layers = [block(self.inplanes, planes, stride, downsample, shortcut != "none")]
        self.inplanes = out_planes
        for _ in range(1, blocks):
            layers.append(block(self.inplanes, planes, residual=shortcut != "none"))
        return nn.Sequential(*layers)

    def forward(self, x):
        x = self.conv1(x)  # [N, C, H, W]
        if not self.preact:
            x = self.relu(self.bn1(x))
        x = self.maxpool(x)
        for index in range(self.stages):
            x = getattr(self, f"layer{index + 1}")(x)
        if self.preact:
            x = self.relu_final(self.bn_final(x))
        x = torch.flatten(self.avgpool(x), 1)  # [N, C]
        return self.fc(x)  # [N, classes]


def build(architecture=None):
    """The exported network with fresh weights (ARCHITECTURE unless another table is given)."""
    return ResNet(architecture or ARCHITECTURE)


_DTYPES = {
    "F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
    "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8,
    "BOOL": torch.bool,
}
_NAMES = {dtype: name for name, dtype in _DTYPES.items()}
_MAX_HEADER = 100_000_000


def read_safetensors(path):
    """The tensors and the __metadata__ of a safetensors file: (dict name -> tensor, dict)."""
    try:
        from safetensors import safe_open
    except ImportError:
        safe_open = None
    if safe_open is not None:
        with safe_open(path, framework="pt") as handle:
            return {key: handle.get_tensor(key) for key in handle.keys()}, handle.metadata() or {}
    with open(path, "rb") as handle:
        data = handle.read()
    if len(data) < 8:
        raise ValueError(f"{path} must start with an 8-byte header length, but it has {len(data)} bytes")
    (size,) = struct.unpack("<Q", data[:8])
    if size > _MAX_HEADER or 8 + size > len(data):
        raise ValueError(f"{path} must hold its header of {size} bytes, but the file has {len(data)}")
    header = json.loads(data[8:8 + size].decode("utf-8"))
    metadata = header.pop("__metadata__", None) or {}
    buffer = memoryview(data)[8 + size:]
    tensors, covered = {}, 0
    for name, info in sorted(header.items(), key=lambda item: item[1]["data_offsets"]):
        begin, end = info["data_offsets"]
        dtype = _DTYPES[info["dtype"]]
        count = 1
        for dim in info["shape"]:
            count *= dim
        if begin != covered or end > len(buffer) or end - begin != count * torch.empty(0, dtype=dtype).element_size():
            raise ValueError(f"{path} must store tensor {name} right after the one before, inside the file")
        covered = end
        raw = bytearray(buffer[begin:end])
        tensor = torch.frombuffer(raw, dtype=dtype) if count > 0 else torch.empty(0, dtype=dtype)
        tensors[name] = tensor.reshape(info["shape"])
    if covered != len(buffer):
        raise ValueError(f"{path} must end where its last tensor ends, but {len(buffer) - covered} bytes follow")
    return tensors, metadata


def write_safetensors(path, tensors, metadata=None):
    """Writes tensors (name -> tensor) and string metadata as a safetensors file."""
    tensors = {name: tensor.detach().cpu().contiguous() for name, tensor in tensors.items()}
    try:
        from safetensors.torch import save_file
    except ImportError:
        save_file = None
    if save_file is not None:
        save_file(tensors, path, metadata=metadata)
        return
    ordered = sorted(tensors.items(), key=lambda item: (-item[1].element_size(), item[0]))
    header, chunks, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = {str(key): str(value) for key, value in metadata.items()}
    for name, tensor in ordered:
        as_bytes = tensor.view(torch.int16) if tensor.dtype == torch.bfloat16 else tensor
        chunk = as_bytes.numpy().tobytes()
        header[name] = {"dtype": _NAMES[tensor.dtype], "shape": list(tensor.shape), "data_offsets": [offset, offset + len(chunk)]}
        chunks.append(chunk)
        offset += len(chunk)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as handle:
        handle.write(struct.pack("<Q", len(text)))
        handle.write(text)
        for chunk in chunks:
            handle.write(chunk)


def load(path, architecture=None):
    """Builds the network and loads a safetensors file into it with load_state_dict(strict=True)."""
    model = build(architecture)
    tensors, _ = read_safetensors(path)
    model.load_state_dict(tensors, strict=True)
    return model
