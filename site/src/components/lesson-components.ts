import type { ComponentType } from 'react';
import type { ComponentName } from '@residual/lessons';
import { CompilerError } from './compiler-error.js';
import { DataTable } from './data-table.js';
import { Diagram } from './diagram.js';
import { Example } from './example.js';
import { Answer, Exercise } from './exercise.js';
import { Live } from './live.js';
import { Num } from './num.js';
import { Results } from './results.js';

/** The React component for every lesson component name (the compile step allows exactly these). */
export const lessonComponents: Record<ComponentName, ComponentType<never>> = {
  Example,
  Num,
  DataTable,
  Live,
  CompilerError,
  Results,
  Diagram,
  Exercise,
  Answer,
};
