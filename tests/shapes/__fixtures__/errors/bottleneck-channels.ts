// The first bottleneck of ResNet-50's layer1 widens 64 → 256 channels: it needs a projection.
import { bottleneck, input } from '@residual/core';

const x = input([56, 56, 64]); // [N, 56, 56, 64]
export const y = bottleneck(x, { filters: 64 });
