import { expect, it } from 'vitest';
import { adapterName, isFallbackAdapter, isSoftwareRenderer } from './software-renderer.js';

it('a fallback adapter is one that says so, or one named after a software renderer', () => {
  expect(isFallbackAdapter({ info: { isFallbackAdapter: true } })).toBe(true);
  expect(isFallbackAdapter({ isFallbackAdapter: true })).toBe(true);
  expect(isFallbackAdapter({ info: { vendor: 'google', architecture: 'swiftshader' } })).toBe(true);
  expect(isFallbackAdapter({ info: { vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' } })).toBe(true);
  expect(isFallbackAdapter({ info: { isFallbackAdapter: false, vendor: 'nvidia', architecture: 'hopper' } })).toBe(false);
  expect(isFallbackAdapter({})).toBe(false);
});

it('WebGL renderers: SwiftShader and llvmpipe are software, a GPU is not', () => {
  expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
  expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
  expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
});

it('an adapter is named by its description, else vendor and architecture', () => {
  expect(adapterName({ info: { vendor: 'nvidia', architecture: 'hopper', description: '' } })).toBe('nvidia hopper');
  expect(adapterName({ info: { description: 'SwiftShader Device' } })).toBe('SwiftShader Device');
  expect(adapterName({})).toBeUndefined();
});
