"""The PyTorch side of Residual's ResNet benchmark (bench/README.md).

Builds the same networks as @residual/core (packages/core/src/model/models/resnet.ts): torchvision
blocks, projection shortcuts (1x1 conv + BN) where the shape changes, BN momentum 0.1 and eps 1e-5,
NHWC memory (channels_last, TF.js's layout). Times training steps (forward, cross-entropy, backward,
SGD with momentum 0.9 and weight decay 1e-4, BN in training mode) or inference steps on random data,
reading back one small tensor per step, after warm-up steps. Prints the line format of
bench/resnet-bench.ts (one JSON object per line with --json).

    python3 bench/torch_resnet.py --model cifarResnet18,resnet20,resnet56 --batch-size 256 \
        --steps 20 --precision fp32,tf32 --json
"""

import argparse
import json
import sys
import time

import torch
import torch.fx.experimental.optimization
import torch.nn as nn
import torch.nn.functional as F

# The same table as resnet-spec.ts: stem, stem filters, block, blocks per stage, widths, shortcuts.
CIFAR = dict(stem="cifar", stem_filters=16, block="basic", widths=[16, 32, 64], classes=10, size=32)
CIFAR_WIDE = dict(stem="cifar", stem_filters=64, block="basic", widths=[64, 128, 256, 512], classes=10, size=32)
IMAGENET = dict(stem="imagenet", stem_filters=64, widths=[64, 128, 256, 512], classes=1000, size=224)


def cifar_depth(depth):
    n = (depth - 2) // 6
    return [n, n, n]


SPECS = {
    "resnet18": dict(IMAGENET, block="basic", layers=[2, 2, 2, 2], residual=True),
    "resnet34": dict(IMAGENET, block="basic", layers=[3, 4, 6, 3], residual=True),
    "resnet50": dict(IMAGENET, block="bottleneck", layers=[3, 4, 6, 3], residual=True),
    "resnet101": dict(IMAGENET, block="bottleneck", layers=[3, 4, 23, 3], residual=True),
    "resnet152": dict(IMAGENET, block="bottleneck", layers=[3, 8, 36, 3], residual=True),
    "cifarResnet18": dict(CIFAR_WIDE, layers=[2, 2, 2, 2], residual=True),
    "cifarPlain18": dict(CIFAR_WIDE, layers=[2, 2, 2, 2], residual=False),
    "plain18": dict(IMAGENET, block="basic", layers=[2, 2, 2, 2], residual=False),
    "plain34": dict(IMAGENET, block="basic", layers=[3, 4, 6, 3], residual=False),
}
for depth in (20, 32, 44, 56, 110):
    SPECS[f"resnet{depth}"] = dict(CIFAR, layers=cifar_depth(depth), residual=True)
    SPECS[f"plain{depth}"] = dict(CIFAR, layers=cifar_depth(depth), residual=False)


def bn(channels):
    return nn.BatchNorm2d(channels, eps=1e-5, momentum=0.1)


class Block(nn.Module):
    """torchvision's BasicBlock (expansion 1) or Bottleneck (expansion 4, stride on the 3x3)."""

    def __init__(self, kind, cin, filters, stride, residual):
        super().__init__()
        self.expansion = 1 if kind == "basic" else 4
        cout = filters * self.expansion
        if kind == "basic":
            self.branch = nn.Sequential(
                nn.Conv2d(cin, filters, 3, stride, 1, bias=False), bn(filters), nn.ReLU(inplace=True),
                nn.Conv2d(filters, filters, 3, 1, 1, bias=False), bn(filters))
        else:
            self.branch = nn.Sequential(
                nn.Conv2d(cin, filters, 1, bias=False), bn(filters), nn.ReLU(inplace=True),
                nn.Conv2d(filters, filters, 3, stride, 1, bias=False), bn(filters), nn.ReLU(inplace=True),
                nn.Conv2d(filters, cout, 1, bias=False), bn(cout))
        self.residual = residual
        # Projection shortcut exactly where makeStage puts one: stride != 1 or channels change.
        self.project = None
        if residual and (stride != 1 or cin != cout):
            self.project = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), bn(cout))

    def forward(self, x):
        out = self.branch(x)
        if self.residual:
            out = out + (x if self.project is None else self.project(x))
        return F.relu(out)


class ResNet(nn.Module):
    def __init__(self, spec):
        super().__init__()
        f = spec["stem_filters"]
        if spec["stem"] == "cifar":
            self.stem = nn.Sequential(nn.Conv2d(3, f, 3, 1, 1, bias=False), bn(f), nn.ReLU(inplace=True))
        else:
            self.stem = nn.Sequential(nn.Conv2d(3, f, 7, 2, 3, bias=False), bn(f), nn.ReLU(inplace=True),
                                      nn.MaxPool2d(3, 2, 1))
        blocks, cin = [], f
        for index, (count, width) in enumerate(zip(spec["layers"], spec["widths"])):
            for b in range(count):
                stride = (1 if index == 0 else 2) if b == 0 else 1
                block = Block(spec["block"], cin, width, stride, spec["residual"])
                blocks.append(block)
                cin = width * block.expansion
        self.blocks = nn.Sequential(*blocks)
        self.fc = nn.Linear(cin, spec["classes"])

    def forward(self, x):
        x = self.blocks(self.stem(x))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


def set_precision(precision):
    """fp32: strict IEEE float32 everywhere; tf32: cuDNN and matmul may use TF32 tensor cores."""
    allow = precision == "tf32"
    torch.backends.cuda.matmul.allow_tf32 = allow
    torch.backends.cudnn.allow_tf32 = allow
    torch.set_float32_matmul_precision("high" if allow else "highest")


def bench(name, mode, batch, steps, warmup, device, memory_format, fold_bn=False):
    spec = SPECS[name]
    torch.manual_seed(1)
    model = ResNet(spec).to(device=device, memory_format=memory_format)
    params = sum(p.numel() for p in model.parameters())  # before any folding: the network as built
    x = torch.randn(batch, 3, spec["size"], spec["size"], device=device).contiguous(memory_format=memory_format)
    labels = torch.randint(0, spec["classes"], (batch,), device=device)
    if mode == "train":
        model.train()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)

        def step():
            logits = model(x)
            loss = F.cross_entropy(logits, labels)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            correct = (logits.argmax(1) == labels).sum()
            torch.stack([loss.detach(), correct.float()]).cpu()  # two scalars back: the step is done
    else:
        model.eval()
        if fold_bn:  # each eval-mode BatchNorm2d folded into its Conv2d, as Residual's inferenceModel does
            model = torch.fx.experimental.optimization.fuse(model).to(memory_format=memory_format)

        def step():
            with torch.no_grad():
                model(x)[0, 0].item()  # one scalar back: the step is done
    cuda = device.type == "cuda"
    for _ in range(warmup):
        step()
    if cuda:
        torch.cuda.synchronize(device)
    started = time.perf_counter()
    for _ in range(steps):
        step()
    ms = (time.perf_counter() - started) * 1000 / steps
    peak = None  # PyTorch reports peak tensor memory for CUDA devices only
    if cuda:
        torch.cuda.reset_peak_memory_stats(device)
        step()
        peak = torch.cuda.max_memory_allocated(device)
    return ms, peak, params


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="cifarResnet18,resnet20,resnet56")
    parser.add_argument("--mode", default="train,infer")
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--precision", default="fp32,tf32", help="fp32 (strict), tf32, or both")
    parser.add_argument("--memory-format", default="channels_last", choices=["channels_last", "contiguous"])
    parser.add_argument("--no-cudnn-benchmark", action="store_true", help="skip cuDNN's per-shape autotuning")
    parser.add_argument("--device", default="cuda", choices=["cuda", "cpu"],
                        help="cpu: a dry run of this script (its figures say nothing about a GPU)")
    parser.add_argument("--fold-bn", action="store_true",
                        help="inference with each batch norm folded into its conv (torch.fx's fuse), not eager PyTorch")
    parser.add_argument("--threads", type=int, default=None,
                        help="CPU threads for PyTorch (torch.set_num_threads); default PyTorch's own choice")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.device == "cuda" and not torch.cuda.is_available():
        sys.exit("torch_resnet.py: a CUDA device must be available, but torch.cuda.is_available() is False. "
                 "Run on the GPU machine, or pass --device cpu for a dry run.")
    for name in args.model.split(","):
        if name not in SPECS:
            sys.exit(f"torch_resnet.py: --model must name models among {', '.join(SPECS)}, but got {name!r}.")
    device = torch.device(args.device)
    if args.threads is not None:
        if args.threads < 1:
            sys.exit(f"torch_resnet.py: --threads must be an integer >= 1, but got {args.threads}.")
        torch.set_num_threads(args.threads)
    torch.backends.cudnn.benchmark = not args.no_cudnn_benchmark
    memory_format = torch.channels_last if args.memory_format == "channels_last" else torch.contiguous_format
    gpu = torch.cuda.get_device_name(device) if args.device == "cuda" else f"cpu ({torch.get_num_threads()} threads)"
    backend, kernels = ("cuda", "cudnn") if args.device == "cuda" else ("cpu", "aten")
    for precision in args.precision.split(","):
        set_precision(precision)
        for name in args.model.split(","):
            for mode in args.mode.split(","):
                ms, peak, params = bench(name, mode, args.batch_size, args.steps, args.warmup, device, memory_format,
                                         args.fold_bn)
                graph = {} if mode == "train" else dict(inference="folded" if args.fold_bn else "layers")
                line = dict(framework="torch", model=name, mode=mode, backend=backend, kernels=kernels, **graph,
                            precision=precision, device=gpu, batchSize=args.batch_size, steps=args.steps,
                            msPerStep=ms, imagesPerSecond=args.batch_size * 1000 / ms, peakBytes=peak,
                            params=params, threads=torch.get_num_threads() if args.device == "cpu" else None)
                if args.json:
                    print(json.dumps(line), flush=True)
                else:
                    memory = "n/a" if peak is None else f"{peak / 1e6:.1f} MB"
                    shown = kernels + (f"/{graph['inference']}" if graph else "")
                    print(f"{mode} {name} torch/{backend}/{shown} {precision}, batch {args.batch_size}, {args.steps} steps: "
                          f"{ms:.1f} ms/step, {line['imagesPerSecond']:.1f} images/s, peak {memory}", flush=True)


if __name__ == "__main__":
    main()
