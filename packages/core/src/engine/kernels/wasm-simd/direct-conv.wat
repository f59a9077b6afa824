;; A 2-D convolution, NHWC, float32, with 128-bit SIMD, on the TF.js wasm backend's memory:
;;   out[b, r, q, d] = act(bias[d] + Σ_{i, j, c} x[b, r·sh + i − pt, q·sw + j − pl, c] · w[i, j, c, d])
;; w is [KH, KW, Cin, Cout] (TF.js's layout); act is the identity or ReLU. Register tile: 4 output
;; pixels of a row × 8 output channels (8 f32x4 accumulators); for a fixed filter row i the taps
;; (j, c) of a pixel are contiguous in x and in w, so the inner loop runs over KW·Cin of them.
;; Pixels whose window leaves the image (padding) take a 1-pixel path that skips the missing taps.
;; Needs cout % 8 = 0 (the caller checks). The call computes images [bFrom, bTo), so threads can
;; share one convolution; each output sums its terms in one fixed order (i, then j and c) whatever
;; the split.
;; The line `__MEMORY_IMPORT__` becomes, at build time, the import of a shared or an unshared memory.
(module
  __MEMORY_IMPORT__
  (func (export "conv")
    (param $x i32) (param $wt i32) (param $bias i32) (param $out i32)
    (param $n i32) (param $h i32) (param $w i32) (param $ci i32)
    (param $oh i32) (param $ow i32) (param $co i32)
    (param $kh i32) (param $kw i32) (param $sh i32) (param $sw i32) (param $pt i32) (param $pl i32)
    (param $relu i32) (param $bFrom i32) (param $bTo i32)
    (local $b i32) (local $r i32) (local $d i32) (local $q i32) (local $qa i32) (local $qb i32)
    (local $i i32) (local $j i32) (local $ih i32) (local $iw i32) (local $count i32) (local $c i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32) (local $pw i32) (local $pstep i32)
    (local $wrow i32) (local $wstep i32) (local $po i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local $b0 v128) (local $b1 v128) (local $w0 v128) (local $w1 v128) (local $s v128) (local $zero v128)
    (local.set $pstep (i32.shl (i32.mul (local.get $sw) (local.get $ci)) (i32.const 2)))
    (local.set $wstep (i32.shl (local.get $co) (i32.const 2)))
    (local.set $wrow (i32.mul (i32.mul (local.get $kw) (local.get $ci)) (local.get $wstep)))
    ;; interior columns [qa, qb): q·sw − pl ≥ 0 and q·sw − pl + kw ≤ w
    (local.set $qa (i32.div_s (i32.add (local.get $pl) (i32.sub (local.get $sw) (i32.const 1))) (local.get $sw)))
    (local.set $qb (i32.sub (i32.add (local.get $w) (local.get $pl)) (local.get $kw)))
    (local.set $qb (select (i32.const 0) (i32.add (i32.div_s (local.get $qb) (local.get $sw)) (i32.const 1)) (i32.lt_s (local.get $qb) (i32.const 0))))
    (local.set $qb (select (local.get $ow) (local.get $qb) (i32.gt_s (local.get $qb) (local.get $ow))))
    (local.set $b (local.get $bFrom))
    (block $bDone (loop $bLoop
      (br_if $bDone (i32.ge_u (local.get $b) (local.get $bTo)))
      (local.set $r (i32.const 0))
      (block $rDone (loop $rLoop
        (br_if $rDone (i32.ge_u (local.get $r) (local.get $oh)))
        (local.set $d (i32.const 0))
        (block $dDone (loop $dLoop
          (br_if $dDone (i32.ge_u (local.get $d) (local.get $co)))
          (if (local.get $bias)
            (then
              (local.set $b0 (v128.load (i32.add (local.get $bias) (i32.shl (local.get $d) (i32.const 2)))))
              (local.set $b1 (v128.load offset=16 (i32.add (local.get $bias) (i32.shl (local.get $d) (i32.const 2))))))
            (else (local.set $b0 (local.get $zero)) (local.set $b1 (local.get $zero))))
          (local.set $q (i32.const 0))
          (block $qDone (loop $qLoop
            (br_if $qDone (i32.ge_u (local.get $q) (local.get $ow)))
            ;; po = &out[b, r, q, d]
            (local.set $po (i32.add (local.get $out) (i32.shl
              (i32.add (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $oh)) (local.get $r)) (local.get $ow)) (local.get $q)) (local.get $co)) (local.get $d))
              (i32.const 2))))
            (if (i32.and (i32.ge_s (local.get $q) (local.get $qa)) (i32.le_s (i32.add (local.get $q) (i32.const 4)) (local.get $qb)))
              (then
                ;; 4 pixels q … q+3, every tap inside the image horizontally
                (local.set $a0 (local.get $b0)) (local.set $a1 (local.get $b1))
                (local.set $a2 (local.get $b0)) (local.set $a3 (local.get $b1))
                (local.set $a4 (local.get $b0)) (local.set $a5 (local.get $b1))
                (local.set $a6 (local.get $b0)) (local.set $a7 (local.get $b1))
                (local.set $i (i32.const 0))
                (block $iDone (loop $iLoop
                  (br_if $iDone (i32.ge_u (local.get $i) (local.get $kh)))
                  (local.set $ih (i32.sub (i32.add (i32.mul (local.get $r) (local.get $sh)) (local.get $i)) (local.get $pt)))
                  (if (i32.and (i32.ge_s (local.get $ih) (i32.const 0)) (i32.lt_s (local.get $ih) (local.get $h))) (then
                    (local.set $p0 (i32.add (local.get $x) (i32.shl
                      (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $ih)) (local.get $w))
                        (i32.sub (i32.mul (local.get $q) (local.get $sw)) (local.get $pl))) (local.get $ci))
                      (i32.const 2))))
                    (local.set $p1 (i32.add (local.get $p0) (local.get $pstep)))
                    (local.set $p2 (i32.add (local.get $p1) (local.get $pstep)))
                    (local.set $p3 (i32.add (local.get $p2) (local.get $pstep)))
                    (local.set $pw (i32.add (i32.add (local.get $wt) (i32.mul (local.get $i) (local.get $wrow))) (i32.shl (local.get $d) (i32.const 2))))
                    (local.set $count (i32.mul (local.get $kw) (local.get $ci)))
                    (loop $tLoop
                      (local.set $w0 (v128.load (local.get $pw)))
                      (local.set $w1 (v128.load offset=16 (local.get $pw)))
                      (local.set $s (v128.load32_splat (local.get $p0)))
                      (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $s) (local.get $w0))))
                      (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $s) (local.get $w1))))
                      (local.set $s (v128.load32_splat (local.get $p1)))
                      (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $s) (local.get $w0))))
                      (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $s) (local.get $w1))))
                      (local.set $s (v128.load32_splat (local.get $p2)))
                      (local.set $a4 (f32x4.add (local.get $a4) (f32x4.mul (local.get $s) (local.get $w0))))
                      (local.set $a5 (f32x4.add (local.get $a5) (f32x4.mul (local.get $s) (local.get $w1))))
                      (local.set $s (v128.load32_splat (local.get $p3)))
                      (local.set $a6 (f32x4.add (local.get $a6) (f32x4.mul (local.get $s) (local.get $w0))))
                      (local.set $a7 (f32x4.add (local.get $a7) (f32x4.mul (local.get $s) (local.get $w1))))
                      (local.set $p0 (i32.add (local.get $p0) (i32.const 4)))
                      (local.set $p1 (i32.add (local.get $p1) (i32.const 4)))
                      (local.set $p2 (i32.add (local.get $p2) (i32.const 4)))
                      (local.set $p3 (i32.add (local.get $p3) (i32.const 4)))
                      (local.set $pw (i32.add (local.get $pw) (local.get $wstep)))
                      (local.set $count (i32.sub (local.get $count) (i32.const 1)))
                      (br_if $tLoop (local.get $count)))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $iLoop)))
                (if (local.get $relu) (then
                  (local.set $a0 (f32x4.max (local.get $a0) (local.get $zero))) (local.set $a1 (f32x4.max (local.get $a1) (local.get $zero)))
                  (local.set $a2 (f32x4.max (local.get $a2) (local.get $zero))) (local.set $a3 (f32x4.max (local.get $a3) (local.get $zero)))
                  (local.set $a4 (f32x4.max (local.get $a4) (local.get $zero))) (local.set $a5 (f32x4.max (local.get $a5) (local.get $zero)))
                  (local.set $a6 (f32x4.max (local.get $a6) (local.get $zero))) (local.set $a7 (f32x4.max (local.get $a7) (local.get $zero)))))
                (v128.store (local.get $po) (local.get $a0))
                (v128.store offset=16 (local.get $po) (local.get $a1))
                (local.set $po (i32.add (local.get $po) (local.get $wstep)))
                (v128.store (local.get $po) (local.get $a2))
                (v128.store offset=16 (local.get $po) (local.get $a3))
                (local.set $po (i32.add (local.get $po) (local.get $wstep)))
                (v128.store (local.get $po) (local.get $a4))
                (v128.store offset=16 (local.get $po) (local.get $a5))
                (local.set $po (i32.add (local.get $po) (local.get $wstep)))
                (v128.store (local.get $po) (local.get $a6))
                (v128.store offset=16 (local.get $po) (local.get $a7))
                (local.set $q (i32.add (local.get $q) (i32.const 4))))
              (else
                ;; one pixel, skipping taps outside the image
                (local.set $a0 (local.get $b0)) (local.set $a1 (local.get $b1))
                (local.set $i (i32.const 0))
                (block $i1Done (loop $i1Loop
                  (br_if $i1Done (i32.ge_u (local.get $i) (local.get $kh)))
                  (local.set $ih (i32.sub (i32.add (i32.mul (local.get $r) (local.get $sh)) (local.get $i)) (local.get $pt)))
                  (if (i32.and (i32.ge_s (local.get $ih) (i32.const 0)) (i32.lt_s (local.get $ih) (local.get $h))) (then
                    (local.set $j (i32.const 0))
                    (block $jDone (loop $jLoop
                      (br_if $jDone (i32.ge_u (local.get $j) (local.get $kw)))
                      (local.set $iw (i32.sub (i32.add (i32.mul (local.get $q) (local.get $sw)) (local.get $j)) (local.get $pl)))
                      (if (i32.and (i32.ge_s (local.get $iw) (i32.const 0)) (i32.lt_s (local.get $iw) (local.get $w))) (then
                        (local.set $p0 (i32.add (local.get $x) (i32.shl
                          (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $ih)) (local.get $w)) (local.get $iw)) (local.get $ci))
                          (i32.const 2))))
                        (local.set $pw (i32.add (i32.add (local.get $wt)
                          (i32.mul (i32.add (i32.mul (local.get $i) (local.get $kw)) (local.get $j)) (i32.mul (local.get $ci) (local.get $wstep))))
                          (i32.shl (local.get $d) (i32.const 2))))
                        (local.set $c (local.get $ci))
                        (loop $cLoop
                          (local.set $s (v128.load32_splat (local.get $p0)))
                          (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $s) (v128.load (local.get $pw)))))
                          (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $s) (v128.load offset=16 (local.get $pw)))))
                          (local.set $p0 (i32.add (local.get $p0) (i32.const 4)))
                          (local.set $pw (i32.add (local.get $pw) (local.get $wstep)))
                          (local.set $c (i32.sub (local.get $c) (i32.const 1)))
                          (br_if $cLoop (local.get $c)))))
                      (local.set $j (i32.add (local.get $j) (i32.const 1)))
                      (br $jLoop)))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $i1Loop)))
                (if (local.get $relu) (then
                  (local.set $a0 (f32x4.max (local.get $a0) (local.get $zero))) (local.set $a1 (f32x4.max (local.get $a1) (local.get $zero)))))
                (v128.store (local.get $po) (local.get $a0))
                (v128.store offset=16 (local.get $po) (local.get $a1))
                (local.set $q (i32.add (local.get $q) (i32.const 1)))))
            (br $qLoop)))
          (local.set $d (i32.add (local.get $d) (i32.const 8)))
          (br $dLoop)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bLoop)))))
