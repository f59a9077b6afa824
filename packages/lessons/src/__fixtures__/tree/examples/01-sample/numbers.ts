import type { LessonNumbers } from '../../../../lesson-data-types.js';
import { count } from './hello.js';

/** The fixture's numbers: one computed value and one table. */
export async function numbers(): Promise<LessonNumbers> {
  return {
    'sample.params': count(64),
    'sample.table': { columns: ['channels', { en: 'parameters', 'zh-cn': '参数' }], rows: [[64, count(64)], [256, count(256)]] },
  };
}
