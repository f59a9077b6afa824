"""Trains a model that `residual export` wrote, with PyTorch's DistributedDataParallel.

The path from Residual to many machines: export (weights + the PyTorch module defining the
network), train here with torchrun on as many processes, GPUs or machines as you have, and bring
the result back to Residual (`residual eval --checkpoint <out>.safetensors`). It reads CIFAR-10's
binary files (data_batch_*.bin, test_batch.bin: 1 label byte + 3x32x32 bytes per image), normalises
them with the statistics stored in the file's metadata (the ones Residual uses), trains with SGD and
saves the weights in torchvision's names with the same metadata, so Residual evaluates the trained
model on the same images with the same normalisation.

    residual export --model resnet20 --seed 1 --out resnet20.safetensors
    torchrun --standalone --nproc_per_node 2 packages/core/python/train_ddp.py \
        --module resnet20.py --weights resnet20.safetensors \
        --data packages/cifar10-sample/data --steps 20 --out resnet20-ddp.safetensors
    residual eval --checkpoint resnet20-ddp.safetensors --model resnet20 --data cifar10-sample

Each process computes batch-norm statistics on its own part of the batch (plain BatchNorm2d;
SyncBatchNorm needs CUDA in PyTorch 1.13) and DistributedDataParallel broadcasts rank 0's running
statistics at every step; gradients are averaged over all processes. The backend is gloo on CPUs
and nccl when every process has a GPU. Prints one JSON line per step on rank 0, and a summary.
"""

import argparse
import importlib.util
import json
import os
import pathlib

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset


def load_module(path):
    """The module file residual export wrote beside the weights."""
    spec = importlib.util.spec_from_file_location(pathlib.Path(path).stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_cifar10(files, mean, std):
    """Images [N, 3, 32, 32] normalised with mean/std, and labels [N], from CIFAR-10 binary files."""
    raw = b"".join(pathlib.Path(file).read_bytes() for file in files)
    records = torch.frombuffer(bytearray(raw), dtype=torch.uint8).reshape(-1, 1 + 3 * 32 * 32)
    labels = records[:, 0].long()
    images = records[:, 1:].reshape(-1, 3, 32, 32).float() / 255  # the files are channel-major: NCHW
    images = (images - torch.tensor(mean).view(1, 3, 1, 1)) / torch.tensor(std).view(1, 3, 1, 1)
    return images, labels


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--module", required=True, help="the .py file residual export wrote")
    parser.add_argument("--weights", required=True, help="the .safetensors file residual export wrote")
    parser.add_argument("--data", required=True, help="a folder with CIFAR-10's data_batch_*.bin and test_batch.bin")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=32, help="per process")
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    cuda = torch.cuda.is_available()
    dist.init_process_group("nccl" if cuda else "gloo")
    rank, world = dist.get_rank(), dist.get_world_size()
    device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", 0))) if cuda else torch.device("cpu")
    torch.manual_seed(0)

    exported = load_module(args.module)
    tensors, metadata = exported.read_safetensors(args.weights)
    model = exported.build()
    model.load_state_dict(tensors, strict=True)
    stats = json.loads(metadata["residual.data"])["stats"]
    data = pathlib.Path(args.data)
    train_images, train_labels = read_cifar10(sorted(data.glob("data_batch_*.bin")), stats["mean"], stats["std"])
    test_images, test_labels = read_cifar10([data / "test_batch.bin"], stats["mean"], stats["std"])

    train = TensorDataset(train_images, train_labels)
    sampler = DistributedSampler(train, num_replicas=world, rank=rank, shuffle=True, seed=0, drop_last=True)
    loader = DataLoader(train, batch_size=args.batch_size, sampler=sampler, drop_last=True)
    ddp = DistributedDataParallel(model.to(device), device_ids=[device.index] if cuda else None)
    optimizer = torch.optim.SGD(ddp.parameters(), lr=args.lr, momentum=0.9, weight_decay=1e-4)

    ddp.train()
    losses, step, epoch = [], 0, 0
    while step < args.steps:
        sampler.set_epoch(epoch)
        for images, labels in loader:
            loss = F.cross_entropy(ddp(images.to(device)), labels.to(device))
            optimizer.zero_grad()
            loss.backward()  # DDP averages the gradients of all processes here
            optimizer.step()
            mean = loss.detach().clone()
            dist.all_reduce(mean)
            step += 1
            losses.append(mean.item() / world)
            if rank == 0:
                print(json.dumps({"step": step, "loss": losses[-1]}), flush=True)
            if step == args.steps:
                break
        epoch += 1

    # Every process must hold the same weights: gather a checksum of each.
    checksum = torch.tensor([sum(p.double().sum().item() for p in model.parameters())])
    checksums = [torch.zeros(1, dtype=torch.float64) for _ in range(world)]
    dist.all_gather(checksums, checksum.double())
    if rank == 0:
        model.eval()
        with torch.no_grad():
            logits = model(test_images.to(device))
            test_loss = F.cross_entropy(logits, test_labels.to(device)).item()
            accuracy = (logits.argmax(1).cpu() == test_labels).float().mean().item()
        exported.write_safetensors(args.out, model.state_dict(), metadata)  # same architecture, same normalisation
        print(json.dumps({
            "worldSize": world,
            "backend": dist.get_backend(),
            "steps": step,
            "losses": losses,
            "test": {"loss": test_loss, "accuracy": accuracy, "count": len(test_labels)},
            "weightsAgree": all(abs(c.item() - checksums[0].item()) < 1e-9 for c in checksums),
            # the first batch norm's: every network has one (a pre-activation network has no bn1)
            "numBatchesTracked": int(next(m for m in model.modules() if isinstance(m, torch.nn.BatchNorm2d)).num_batches_tracked),
            "out": args.out,
        }), flush=True)
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
