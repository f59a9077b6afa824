;; The filter gradient of a 2-D convolution, NHWC, float32, with 128-bit SIMD:
;;   dW[i, j, c, d] = Σ_{b, r, q} x[b, r·sh + i − pt, q·sw + j − pl, c] · dy[b, r, q, d]
;; reading x and dy where they lie in the TF.js wasm backend's memory (imported), writing dW there.
;; Register tile: 4 input channels × 8 output channels (8 f32x4 accumulators). For locality the
;; output rows are taken `rows` at a time (a chunk whose x and dy rows stay in L1), and for each
;; chunk every tile of dW is loaded, accumulated over the chunk's pixels and stored back.
;; Needs ci % 4 = 0 and co % 8 = 0 (the caller checks). The call computes input channels
;; [cFrom, cTo) (multiples of 4), so threads can share one gradient; dW must be zero before the call.
;; Each dW element sums its terms in one fixed order (images, rows, columns ascending), whatever
;; the split, so results depend on nothing but the inputs.
;; The line `__MEMORY_IMPORT__` becomes, at build time, the import of a shared or an unshared memory.
(module
  __MEMORY_IMPORT__
  (func (export "filterGradient")
    (param $x i32) (param $dy i32) (param $dw i32)
    (param $n i32) (param $h i32) (param $w i32) (param $ci i32)
    (param $oh i32) (param $ow i32) (param $co i32)
    (param $kh i32) (param $kw i32) (param $sh i32) (param $sw i32) (param $pt i32) (param $pl i32)
    (param $rows i32) (param $cFrom i32) (param $cTo i32)
    (local $b i32) (local $r0 i32) (local $r1 i32) (local $r i32) (local $i i32) (local $j i32)
    (local $c i32) (local $d i32) (local $ih i32) (local $lo i32) (local $hi i32) (local $count i32)
    (local $tile i32) (local $px i32) (local $pd i32) (local $xstep i32) (local $dstep i32) (local $crow i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local $d0 v128) (local $d1 v128) (local $s v128)
    (local.set $xstep (i32.shl (i32.mul (local.get $sw) (local.get $ci)) (i32.const 2)))
    (local.set $dstep (i32.shl (local.get $co) (i32.const 2)))
    (local.set $crow (i32.shl (local.get $co) (i32.const 2)))
    (local.set $b (i32.const 0))
    (block $bDone (loop $bLoop
      (br_if $bDone (i32.ge_u (local.get $b) (local.get $n)))
      (local.set $r0 (i32.const 0))
      (block $chunkDone (loop $chunkLoop
        (br_if $chunkDone (i32.ge_u (local.get $r0) (local.get $oh)))
        (local.set $r1 (select (local.get $oh) (i32.add (local.get $r0) (local.get $rows))
          (i32.gt_u (i32.add (local.get $r0) (local.get $rows)) (local.get $oh))))
        (local.set $i (i32.const 0))
        (block $iDone (loop $iLoop
          (br_if $iDone (i32.ge_u (local.get $i) (local.get $kh)))
          (local.set $j (i32.const 0))
          (block $jDone (loop $jLoop
            (br_if $jDone (i32.ge_u (local.get $j) (local.get $kw)))
            ;; columns q with 0 ≤ q·sw + j − pl < w: lo = ceil((pl − j) / sw) (≥ 0), hi = floor((w − 1 + pl − j) / sw) + 1 (≤ ow)
            (local.set $lo (i32.sub (local.get $pl) (local.get $j)))
            (local.set $lo (select (i32.const 0)
              (i32.div_s (i32.add (local.get $lo) (i32.sub (local.get $sw) (i32.const 1))) (local.get $sw))
              (i32.le_s (local.get $lo) (i32.const 0))))
            (local.set $hi (i32.sub (i32.add (local.get $w) (local.get $pl)) (i32.add (local.get $j) (i32.const 1))))
            (local.set $hi (select (i32.const 0)
              (i32.add (i32.div_s (local.get $hi) (local.get $sw)) (i32.const 1))
              (i32.lt_s (local.get $hi) (i32.const 0))))
            (local.set $hi (select (local.get $ow) (local.get $hi) (i32.gt_s (local.get $hi) (local.get $ow))))
            (if (i32.lt_s (local.get $lo) (local.get $hi)) (then
              (local.set $c (local.get $cFrom))
              (block $cDone (loop $cLoop
                (br_if $cDone (i32.ge_u (local.get $c) (local.get $cTo)))
                (local.set $d (i32.const 0))
                (block $dDone (loop $dLoop
                  (br_if $dDone (i32.ge_u (local.get $d) (local.get $co)))
                  ;; tile = &dW[i, j, c, d]
                  (local.set $tile (i32.add (local.get $dw) (i32.shl
                    (i32.add (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $i) (local.get $kw)) (local.get $j)) (local.get $ci)) (local.get $c)) (local.get $co)) (local.get $d))
                    (i32.const 2))))
                  (local.set $a0 (v128.load (local.get $tile)))
                  (local.set $a1 (v128.load offset=16 (local.get $tile)))
                  (local.set $a2 (v128.load (i32.add (local.get $tile) (local.get $crow))))
                  (local.set $a3 (v128.load offset=16 (i32.add (local.get $tile) (local.get $crow))))
                  (local.set $a4 (v128.load (i32.add (local.get $tile) (i32.shl (local.get $crow) (i32.const 1)))))
                  (local.set $a5 (v128.load offset=16 (i32.add (local.get $tile) (i32.shl (local.get $crow) (i32.const 1)))))
                  (local.set $a6 (v128.load (i32.add (local.get $tile) (i32.mul (local.get $crow) (i32.const 3)))))
                  (local.set $a7 (v128.load offset=16 (i32.add (local.get $tile) (i32.mul (local.get $crow) (i32.const 3)))))
                  (local.set $r (local.get $r0))
                  (block $rDone (loop $rLoop
                    (br_if $rDone (i32.ge_u (local.get $r) (local.get $r1)))
                    (local.set $ih (i32.sub (i32.add (i32.mul (local.get $r) (local.get $sh)) (local.get $i)) (local.get $pt)))
                    (if (i32.and (i32.ge_s (local.get $ih) (i32.const 0)) (i32.lt_s (local.get $ih) (local.get $h))) (then
                      ;; px = &x[b, ih, lo·sw + j − pl, c], pd = &dy[b, r, lo, d]
                      (local.set $px (i32.add (local.get $x) (i32.shl
                        (i32.add (i32.mul
                          (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $ih)) (local.get $w))
                            (i32.sub (i32.add (i32.mul (local.get $lo) (local.get $sw)) (local.get $j)) (local.get $pl)))
                          (local.get $ci)) (local.get $c))
                        (i32.const 2))))
                      (local.set $pd (i32.add (local.get $dy) (i32.shl
                        (i32.add (i32.mul
                          (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $oh)) (local.get $r)) (local.get $ow)) (local.get $lo))
                          (local.get $co)) (local.get $d))
                        (i32.const 2))))
                      (local.set $count (i32.sub (local.get $hi) (local.get $lo)))
                      (loop $qLoop
                        (local.set $d0 (v128.load (local.get $pd)))
                        (local.set $d1 (v128.load offset=16 (local.get $pd)))
                        (local.set $s (v128.load32_splat (local.get $px)))
                        (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $s) (local.get $d0))))
                        (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $s) (local.get $d1))))
                        (local.set $s (v128.load32_splat offset=4 (local.get $px)))
                        (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $s) (local.get $d0))))
                        (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $s) (local.get $d1))))
                        (local.set $s (v128.load32_splat offset=8 (local.get $px)))
                        (local.set $a4 (f32x4.add (local.get $a4) (f32x4.mul (local.get $s) (local.get $d0))))
                        (local.set $a5 (f32x4.add (local.get $a5) (f32x4.mul (local.get $s) (local.get $d1))))
                        (local.set $s (v128.load32_splat offset=12 (local.get $px)))
                        (local.set $a6 (f32x4.add (local.get $a6) (f32x4.mul (local.get $s) (local.get $d0))))
                        (local.set $a7 (f32x4.add (local.get $a7) (f32x4.mul (local.get $s) (local.get $d1))))
                        (local.set $px (i32.add (local.get $px) (local.get $xstep)))
                        (local.set $pd (i32.add (local.get $pd) (local.get $dstep)))
                        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
                        (br_if $qLoop (local.get $count)))))
                    (local.set $r (i32.add (local.get $r) (i32.const 1)))
                    (br $rLoop)))
                  (v128.store (local.get $tile) (local.get $a0))
                  (v128.store offset=16 (local.get $tile) (local.get $a1))
                  (v128.store (i32.add (local.get $tile) (local.get $crow)) (local.get $a2))
                  (v128.store offset=16 (i32.add (local.get $tile) (local.get $crow)) (local.get $a3))
                  (v128.store (i32.add (local.get $tile) (i32.shl (local.get $crow) (i32.const 1))) (local.get $a4))
                  (v128.store offset=16 (i32.add (local.get $tile) (i32.shl (local.get $crow) (i32.const 1))) (local.get $a5))
                  (v128.store (i32.add (local.get $tile) (i32.mul (local.get $crow) (i32.const 3))) (local.get $a6))
                  (v128.store offset=16 (i32.add (local.get $tile) (i32.mul (local.get $crow) (i32.const 3))) (local.get $a7))
                  (local.set $d (i32.add (local.get $d) (i32.const 8)))
                  (br $dLoop)))
                (local.set $c (i32.add (local.get $c) (i32.const 4)))
                (br $cLoop)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $jLoop)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $iLoop)))
        (local.set $r0 (local.get $r1))
        (br $chunkLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bLoop)))))
