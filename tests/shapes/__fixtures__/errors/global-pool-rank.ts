// Global average pooling needs [N, H, W, C]; this input is already flat.
import { flatten, globalAvgPool, input } from '@residual/core';

const x = input([7, 7, 512]);
export const y = globalAvgPool(flatten(x));
