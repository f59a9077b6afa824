import type { Locale } from '../locales.js';
import type { ComponentUse, LessonOutline } from '../mdx/outline-types.js';

/** Two languages of one lesson: their outlines and file names for messages. */
export interface OutlinePair {
  a: { locale: Locale; file: string; outline: LessonOutline };
  b: { locale: Locale; file: string; outline: LessonOutline };
}

/**
 * Lists how two languages of a lesson differ in structure: headings (levels and count), the
 * components used (names, props, order), and the numbers written in each section's prose.
 *
 * @param pair - the outlines of both languages.
 * @returns one message per difference, each naming both files; empty when they agree.
 * @example
 * compareOutlines({ a: { locale: 'en', file: 'content/en/x.mdx', outline }, b: { … } }); // []
 */
export function compareOutlines({ a, b }: OutlinePair): string[] {
  const problems: string[] = [];
  const where = `${a.file} vs ${b.file}`;
  const levels = (outline: LessonOutline) => outline.headings.map((heading) => `h${heading.depth}`).join(' ');
  if (levels(a.outline) !== levels(b.outline)) {
    const index = firstDifference(a.outline.headings.map((h) => h.depth), b.outline.headings.map((h) => h.depth));
    const heading = (side: typeof a) => {
      const found = side.outline.headings[index];
      return found === undefined ? '(none)' : `h${found.depth} "${found.text}"`;
    };
    problems.push(
      `${where}: headings must have the same levels and count, but ${a.locale} has ${a.outline.headings.length} [${levels(a.outline)}] and ` +
        `${b.locale} has ${b.outline.headings.length} [${levels(b.outline)}]; first difference at heading ${index + 1}: ${a.locale} ${heading(a)}, ${b.locale} ${heading(b)}`,
    );
  }
  const uses = (outline: LessonOutline) => outline.components.map(describeUse);
  const usesA = uses(a.outline);
  const usesB = uses(b.outline);
  if (usesA.join('\n') !== usesB.join('\n')) {
    const index = firstDifference(usesA, usesB);
    const at = (side: typeof a, list: string[]) => (list[index] === undefined ? '(none)' : `${list[index]} (line ${side.outline.components[index]?.line})`);
    problems.push(
      `${where}: components must be the same, with the same ids, in the same order, but ${a.locale} uses ${usesA.length} and ${b.locale} ${usesB.length}; ` +
        `first difference at component ${index + 1}: ${a.locale} ${at(a, usesA)}, ${b.locale} ${at(b, usesB)}`,
    );
  }
  const sections = Math.min(a.outline.sections.length, b.outline.sections.length);
  for (let index = 0; index < sections; index += 1) {
    const sectionA = a.outline.sections[index];
    const sectionB = b.outline.sections[index];
    if (sectionA === undefined || sectionB === undefined) continue;
    const onlyA = without(sectionA.numbers, sectionB.numbers);
    const onlyB = without(sectionB.numbers, sectionA.numbers);
    if (onlyA.length > 0 || onlyB.length > 0) {
      const name = index === 0 ? 'the introduction' : `section "${sectionA.heading}" / "${sectionB.heading}"`;
      problems.push(
        `${where}: ${name} must show the same numbers, but only ${a.locale} has [${onlyA.join(', ')}] and only ${b.locale} has [${onlyB.join(', ')}]. ` +
          'Write numbers as digits in both languages, or show them with <Num>.',
      );
    }
  }
  return problems;
}

function describeUse(use: ComponentUse): string {
  const props = Object.entries(use.props)
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([name, value]) => `${name}="${value}"`);
  return `<${[use.name, ...props].join(' ')}>`;
}

function firstDifference<Item>(left: readonly Item[], right: readonly Item[]): number {
  const length = Math.max(left.length, right.length);
  for (let index = 0; index < length; index += 1) if (left[index] !== right[index]) return index;
  return length;
}

/** The items of `from` not matched one-for-one in `other` (multiset difference). */
function without(from: readonly string[], other: readonly string[]): string[] {
  const left = [...other];
  return from.filter((item) => {
    const at = left.indexOf(item);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}
