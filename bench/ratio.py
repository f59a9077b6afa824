"""Pairs the JSON lines of bench/resnet-bench.ts (TF.js) and bench/torch_resnet.py (PyTorch) for the
same model, mode and batch size, and prints TF.js images/s as a fraction of PyTorch's. The reference is
eager PyTorch (the issue's targets); when torch_resnet.py --fold-bn lines are there too, a second table
compares inference with batch norms folded on both sides.

    python3 bench/ratio.py results.jsonl [more.jsonl ...]   # or lines on stdin
"""

import fileinput
import json


def label(line):
    """The TF.js kernels column: residual or stock, /folded or /layers for inference, and any TF.js flags."""
    flags = line.get("tfFlags") or {}
    graph = f"/{line['inference']}" if line.get("inference") else ""
    return line["kernels"] + graph + "".join(f" {name}={value}" for name, value in flags.items())


def graph(line):
    """How an inference line ran: folded (batch norms in their convs) or layers (as built; eager PyTorch)."""
    return (line.get("inference") or "layers") if line["mode"] == "infer" else None


def table(rows, torch, torch_graph):
    """TF.js rows against PyTorch's strict fp32 and TF32 lines of the same model, mode and batch."""
    print(f"{'mode':6} {'model':14} {'batch':>5} {'tfjs kernels':16} {'tfjs img/s':>11} "
          f"{'torch fp32':>11} {'ratio':>7} {'torch tf32':>11} {'ratio':>7}")
    for l in rows:
        key = (l["model"], l["mode"], l["batchSize"])
        refs = [torch.get(key + (precision, torch_graph if l["mode"] == "infer" else None)) for precision in ("fp32", "tf32")]
        for ref in refs:
            if ref and ref.get("params") != l.get("params"):
                print(f"warning: {l['model']} has {l.get('params')} trainable parameters in TF.js but {ref.get('params')} in PyTorch")
        cells = []
        for ref in refs:
            cells += [f"{ref['imagesPerSecond']:11.1f}", f"{l['imagesPerSecond'] / ref['imagesPerSecond']:6.3f}x"] if ref else [f"{'-':>11}", f"{'-':>7}"]
        print(f"{l['mode']:6} {l['model']:14} {l['batchSize']:5d} {label(l):16} {l['imagesPerSecond']:11.1f} " + " ".join(cells))


def main():
    lines = []
    for raw in fileinput.input():
        raw = raw.strip()
        if raw.startswith("{"):
            lines.append(json.loads(raw))
    torch = {(l["model"], l["mode"], l["batchSize"], l["precision"], graph(l)): l for l in lines if l["framework"] == "torch"}
    rows = [l for l in lines if l["framework"] == "tfjs"]
    if not rows or not torch:
        raise SystemExit(f"ratio.py: the input must hold TF.js and PyTorch result lines, but got {len(rows)} and {len(torch)}.")
    table(rows, torch, "layers")
    if any(key[4] == "folded" for key in torch):
        print("\ninference against PyTorch with its batch norms folded too (torch_resnet.py --fold-bn: torch.fx's fuse)")
        table([l for l in rows if l["mode"] == "infer"], torch, "folded")
    profiled = [l for l in rows if l.get("kernelTimes")]
    if profiled:
        print("\nwhere TF.js's step time went (one profiled step; GPU timestamps on webgpu): kernels' time of the")
        print("step's wall time (the rest is dispatch overhead and an idle GPU), then the slowest kernels")
    for l in profiled:
        times = l["kernelTimes"]
        total = sum(k["ms"] for k in times)
        calls = sum(k["calls"] for k in times)
        slowest = ", ".join(f"{k['name']} {k['calls']}x {k['ms']:.2f} ms" for k in times[:6])
        print(f"{l['mode']:6} {l['model']:14} {label(l):16} {total:8.1f} of {l['msPerStep']:8.1f} ms/step "
              f"({100 * total / l['msPerStep']:3.0f} %, {calls} kernel calls): {slowest}")


if __name__ == "__main__":
    main()
