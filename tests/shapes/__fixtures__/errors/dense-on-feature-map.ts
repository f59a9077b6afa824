// The classifier applied to a feature map, without pooling or flattening first.
import { dense, input } from '@residual/core';

const features = input([7, 7, 512]); // [N, 7, 7, 512]
export const logits = dense(features, { units: 10 });
