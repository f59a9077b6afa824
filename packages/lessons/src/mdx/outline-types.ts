import type { ComponentName } from './component-specs.js';

/** A heading of a lesson, with the id its anchor gets. */
export interface LessonHeading {
  depth: number;
  text: string;
  id: string;
}

/** One use of a lesson component, with its (literal string) props. */
export interface ComponentUse {
  name: ComponentName;
  props: Record<string, string>;
  /** 1-based line in the .mdx file. */
  line: number;
}

/** The numbers written in the prose of one section (between two headings). */
export interface SectionNumbers {
  /** The heading that opens the section; `''` for the text before the first heading. */
  heading: string;
  /** Digit sequences as written, group separators removed (`1,179,648` → `1179648`), in order. */
  numbers: string[];
}

/** The structure of a lesson that the parity check compares between languages. */
export interface LessonOutline {
  headings: LessonHeading[];
  components: ComponentUse[];
  sections: SectionNumbers[];
}
