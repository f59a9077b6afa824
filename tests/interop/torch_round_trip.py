"""PyTorch's half of the round trip Residual -> PyTorch -> Residual (tests/interop/torch-round-trip.test.ts).

Loads a file that `residual export` wrote into torchvision's model (ImageNet ResNets) or into the
module file written beside it (the CIFAR family: projection, zero-pad and pre-activation), strictly; prints the logits of the given NHWC images
(permuted to NCHW); then trains one SGD step in PyTorch (BN in training mode, so its running
statistics move too), prints the new logits and saves the state_dict as PyTorch users do: without
Residual's metadata. Prints one JSON object.

    /usr/bin/python3 tests/interop/torch_round_trip.py --model resnet18 --weights in.safetensors \
        --images images.f32 --shape 2,224,224,3 --out trained.safetensors [--module resnet20.py]
"""

import argparse
import json
import pathlib

import numpy as np
import torch
import torch.nn.functional as F

from module_file import load_module

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--weights", required=True)
    parser.add_argument("--module", help="the PyTorch module residual export wrote (models torchvision lacks)")
    parser.add_argument("--images", required=True, help="float32 NHWC, little-endian")
    parser.add_argument("--shape", required=True, help="N,H,W,C")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    torch.manual_seed(0)
    # The reader of the module file residual export writes (the template itself here: torchvision
    # models get no module file); it uses the safetensors package instead when installed.
    module = load_module(args.module or ROOT / "packages/core/python/residual_torch.py")
    tensors, metadata = module.read_safetensors(args.weights)
    if args.module:
        model = module.build()
    else:
        import torchvision

        model = getattr(torchvision.models, args.model)(num_classes=tensors["fc.weight"].shape[0])
    model.load_state_dict(tensors, strict=True)
    shape = [int(dim) for dim in args.shape.split(",")]
    images = np.fromfile(args.images, dtype="<f4").reshape(shape)
    x = torch.from_numpy(images).permute(0, 3, 1, 2).contiguous()  # NHWC -> NCHW
    model.eval()
    with torch.no_grad():
        before = model(x)
    model.train()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    labels = torch.arange(shape[0]) % before.shape[1]
    loss = F.cross_entropy(model(x), labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    model.eval()
    with torch.no_grad():
        after = model(x)
    module.write_safetensors(args.out, model.state_dict())
    print(json.dumps({
        "metadataKeys": sorted(metadata),
        "numBatchesTracked": sorted({int(value) for key, value in tensors.items() if key.endswith(".num_batches_tracked")}),
        "before": before.tolist(),
        "after": after.tolist(),
    }))


if __name__ == "__main__":
    main()
