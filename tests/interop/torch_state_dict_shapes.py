"""The state_dict keys and shapes of every network PyTorch builds for Residual's models
(tests/interop/torch-state-dict-every-model.test.ts): torchvision's own model for the ImageNet
ResNets, the module file `residual export` wrote for the others. Prints one JSON object:
{name: {key: shape}}.

    /usr/bin/python3 tests/interop/torch_state_dict_shapes.py models.json
    # models.json: [{"name": "resnet18", "numClasses": 10, "module": null}, {"name": "resnet20", ..., "module": "resnet20.py"}]
"""

import json
import sys

import torchvision

from module_file import load_module


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        models = json.load(handle)
    shapes = {}
    for entry in models:
        if entry["module"] is None:
            model = getattr(torchvision.models, entry["name"])(num_classes=entry["numClasses"])
        else:
            model = load_module(entry["module"]).build()
        shapes[entry["name"]] = {key: list(value.shape) for key, value in model.state_dict().items()}
    print(json.dumps(shapes))


if __name__ == "__main__":
    main()
