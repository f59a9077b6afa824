"""torchvision's half of tests/interop/imagenet-predict.test.ts.

Writes a PNG photo stand-in of an odd size, torchvision's ImageNet preprocessing of it (the bytes
after Resize(256) and CenterCrop(224), on the PIL image, as ResNet18_Weights.IMAGENET1K_V1.transforms()
does), a torchvision ResNet-18 state_dict saved as PyTorch users save it (random weights, every
batch norm with its own statistics, the golden retriever's bias raised) and that model's top-5
classes for the image with the weights' own transforms(). Prints one JSON object.

    /usr/bin/python3 tests/interop/torchvision_predict.py --dir <folder>
"""

import argparse
import json
import pathlib

import numpy as np
import torch
import torchvision
import torchvision.transforms.functional as F
from PIL import Image

from module_file import load_module

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    args = parser.parse_args()
    out = pathlib.Path(args.dir)
    rng = np.random.default_rng(7)
    height, width = 300, 451
    y, x = np.mgrid[0:height, 0:width]
    smooth = np.stack([128 + 100 * np.sin(x / 23 + c) * np.cos(y / 17 - c) for c in range(3)], axis=-1)
    pixels = np.clip(smooth + rng.normal(0, 25, smooth.shape), 0, 255).astype(np.uint8)
    Image.fromarray(pixels, "RGB").save(out / "photo.png")

    image = Image.open(out / "photo.png").convert("RGB")
    weights = torchvision.models.ResNet18_Weights.IMAGENET1K_V1
    transforms = weights.transforms()
    crop = F.center_crop(F.resize(image, transforms.resize_size, interpolation=transforms.interpolation), transforms.crop_size)
    (out / "crop.u8").write_bytes(np.asarray(crop, dtype=np.uint8).tobytes())

    torch.manual_seed(8)
    model = torchvision.models.resnet18()
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            module.running_mean.uniform_(-0.2, 0.2)
            module.running_var.uniform_(0.5, 1.5)
            module.weight.data.uniform_(0.2, 0.6)
    with torch.no_grad():
        model.fc.bias[207] += 9.5
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(transforms(image).unsqueeze(0)), dim=1)[0]
    top = torch.topk(probabilities, 5)
    residual_torch = load_module(ROOT / "packages/core/python/residual_torch.py")
    residual_torch.write_safetensors(str(out / "resnet18.safetensors"), model.state_dict())
    print(json.dumps({
        "crop": list(np.asarray(crop).shape),
        "top": [{"className": weights.meta["categories"][i], "score": p} for p, i in zip(top.values.tolist(), top.indices.tolist())],
        "categories": weights.meta["categories"],
    }))


if __name__ == "__main__":
    main()
