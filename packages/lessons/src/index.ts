/**
 * @residual/lessons — bilingual lessons on residual networks. This browser-safe entry holds the
 * contracts shared with the site: live examples, lesson data, locales, and number formatting.
 * The compile pipeline lives in `@residual/lessons/node`; the live examples in `@residual/lessons/live`.
 *
 * @packageDocumentation
 */
export type {
  LiveSize,
  LiveProgress,
  LiveContext,
  LiveSeries,
  LiveChart,
  LiveResult,
  LiveExample,
  LiveKnob,
  LiveNumberKnob,
  LiveChoiceKnob,
  LiveToggleKnob,
  LiveSettings,
  LiveSettingValue,
} from './live-types.js';
export { knobDefault, parseKnobValue, resolveLiveSettings, numberSetting } from './live-settings.js';
export { loadLiveExample, loadLiveExamples, type LiveRegistry } from './live-registry.js';
export { runLiveExample, type RunLiveOptions, type LiveRun } from './live-runner.js';
export type { LocalizedText, DataTableValue, LessonValue, LessonNumbers, CapturedDiagnostic, CompilerErrorCapture, ExampleText, LessonData } from './lesson-data-types.js';
export type { TypedSlice, TypedFile } from './types/typed-slice-types.js';
export { locales, defaultLocale, isLocale, htmlLang, type Locale } from './locales.js';
export { formatNumber } from './format-number.js';
export { formatMessage } from './format-message.js';
export { extractRegion, sliceRegion, listRegions, type SourceSlice } from './regions.js';
export { componentSpecs, componentNames, isComponentName, type ComponentName, type ComponentSpec } from './mdx/component-specs.js';
export { diagramIds, type DiagramId } from './mdx/diagram-ids.js';
