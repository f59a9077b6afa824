// Writes conv-table.generated.ts from the run-time formula (npm run generate -w @residual/shapes).
import { writeFileSync } from 'node:fs';
import { renderConvTable } from './render-conv-table.js';

writeFileSync(new URL('./conv-table.generated.ts', import.meta.url), renderConvTable());
