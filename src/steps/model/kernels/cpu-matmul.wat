;; matMul with exactly the arithmetic of tfjs's cpu backend (see cpu-kernels.ts), in
;; WebAssembly with 128-bit SIMD: each output is a float64 sum of float32 products over
;; each block of 48 shared indices, in index order, added into the float32 result
;; block after block. SIMD lanes hold different outputs (columns j, j+1), never parts
;; of one sum, so every output sees the same operations in the same order as the
;; JavaScript kernel. Built into cpu-matmul-wasm.ts by `npm run build:wasm`.
(module
  (import "env" "memory" (memory 1))

  ;; out[i*cols + j] (float32) = Σ_k a(i, k) · b[k*cols + j] for i < rows, j < cols, k < shared,
  ;; where a(i, k) is the float32 at byte a + i*aI + k*aK (row-major a: aI = 4·shared, aK = 4;
  ;; a transposed: aI = 4, aK = 4·rows). Pointers are byte offsets.
  (func (export "matMul")
    (param $out i32) (param $a i32) (param $aI i32) (param $aK i32) (param $b i32)
    (param $rows i32) (param $cols i32) (param $shared i32)
    (local $i i32) (local $j i32) (local $k i32) (local $k0 i32) (local $end i32)
    (local $arow i32) (local $ap i32) (local $bp i32) (local $op i32) (local $rowBytes i32) (local $cols4 i32) (local $cols8 i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $x v128) (local $ss f64) (local $first i32)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $cols4 (i32.and (local.get $cols) (i32.const -4)))
    (local.set $cols8 (i32.and (local.get $cols) (i32.const -8)))
    (block $doneI (loop $loopI
      (br_if $doneI (i32.ge_u (local.get $i) (local.get $rows)))
      (local.set $arow (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $aI))))
      (local.set $k0 (i32.const 0))
      (block $doneK0 (loop $loopK0
        (br_if $doneK0 (i32.ge_u (local.get $k0) (local.get $shared)))
        (local.set $first (i32.eqz (local.get $k0)))
        (local.set $end (i32.add (local.get $k0) (i32.const 48)))
        (if (i32.gt_u (local.get $end) (local.get $shared)) (then (local.set $end (local.get $shared))))
        ;; eight columns at a time: four float64 pairs (independent sums keep the adder busy)
        (local.set $j (i32.const 0))
        (block $doneJ8 (loop $loopJ8
          (br_if $doneJ8 (i32.ge_u (local.get $j) (local.get $cols8)))
          (local.set $s0 (v128.const i64x2 0 0))
          (local.set $s1 (v128.const i64x2 0 0))
          (local.set $s2 (v128.const i64x2 0 0))
          (local.set $s3 (v128.const i64x2 0 0))
          (local.set $ap (i32.add (local.get $arow) (i32.mul (local.get $k0) (local.get $aK))))
          (local.set $bp (i32.add (local.get $b)
            (i32.shl (i32.add (i32.mul (local.get $k0) (local.get $cols)) (local.get $j)) (i32.const 2))))
          (local.set $k (local.get $k0))
          (block $doneK8 (loop $loopK8
            (br_if $doneK8 (i32.ge_u (local.get $k) (local.get $end)))
            (local.set $x (f64x2.splat (f64.promote_f32 (f32.load (local.get $ap)))))
            (local.set $s0 (f64x2.add (local.get $s0)
              (f64x2.mul (local.get $x) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $bp))))))
            (local.set $s1 (f64x2.add (local.get $s1)
              (f64x2.mul (local.get $x) (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (local.get $bp))))))
            (local.set $s2 (f64x2.add (local.get $s2)
              (f64x2.mul (local.get $x) (f64x2.promote_low_f32x4 (v128.load64_zero offset=16 (local.get $bp))))))
            (local.set $s3 (f64x2.add (local.get $s3)
              (f64x2.mul (local.get $x) (f64x2.promote_low_f32x4 (v128.load64_zero offset=24 (local.get $bp))))))
            (local.set $ap (i32.add (local.get $ap) (local.get $aK)))
            (local.set $bp (i32.add (local.get $bp) (local.get $rowBytes)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $loopK8)))
          (local.set $op (i32.add (local.get $out)
            (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j)) (i32.const 2))))
          (v128.store64_lane 0 (local.get $op) (f32x4.demote_f64x2_zero (f64x2.add
            (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $op))) (local.get $first))
            (local.get $s0))))
          (v128.store64_lane offset=8 0 (local.get $op) (f32x4.demote_f64x2_zero (f64x2.add
            (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (local.get $op))) (local.get $first))
            (local.get $s1))))
          (v128.store64_lane offset=16 0 (local.get $op) (f32x4.demote_f64x2_zero (f64x2.add
            (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero offset=16 (local.get $op))) (local.get $first))
            (local.get $s2))))
          (v128.store64_lane offset=24 0 (local.get $op) (f32x4.demote_f64x2_zero (f64x2.add
            (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero offset=24 (local.get $op))) (local.get $first))
            (local.get $s3))))
          (local.set $j (i32.add (local.get $j) (i32.const 8)))
          (br $loopJ8)))
        ;; four columns at a time: two float64 pairs
        (block $doneJ (loop $loopJ
          (br_if $doneJ (i32.ge_u (local.get $j) (local.get $cols4)))
          (local.set $s0 (v128.const i64x2 0 0))
          (local.set $s1 (v128.const i64x2 0 0))
          (local.set $ap (i32.add (local.get $arow) (i32.mul (local.get $k0) (local.get $aK))))
          (local.set $bp (i32.add (local.get $b)
            (i32.shl (i32.add (i32.mul (local.get $k0) (local.get $cols)) (local.get $j)) (i32.const 2))))
          (local.set $k (local.get $k0))
          (block $doneK (loop $loopK
            (br_if $doneK (i32.ge_u (local.get $k) (local.get $end)))
            (local.set $x (f64x2.splat (f64.promote_f32 (f32.load (local.get $ap)))))
            (local.set $s0 (f64x2.add (local.get $s0)
              (f64x2.mul (local.get $x) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $bp))))))
            (local.set $s1 (f64x2.add (local.get $s1)
              (f64x2.mul (local.get $x) (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (local.get $bp))))))
            (local.set $ap (i32.add (local.get $ap) (local.get $aK)))
            (local.set $bp (i32.add (local.get $bp) (local.get $rowBytes)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $loopK)))
          (local.set $op (i32.add (local.get $out)
            (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j)) (i32.const 2))))
          (v128.store64_lane 0 (local.get $op) (f32x4.demote_f64x2_zero (f64x2.add
            (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $op))) (local.get $first))
            (local.get $s0))))
          (v128.store64_lane offset=8 0 (local.get $op) (f32x4.demote_f64x2_zero (f64x2.add
            (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (local.get $op))) (local.get $first))
            (local.get $s1))))
          (local.set $j (i32.add (local.get $j) (i32.const 4)))
          (br $loopJ)))
        ;; the remaining columns one at a time
        (block $doneT (loop $loopT
          (br_if $doneT (i32.ge_u (local.get $j) (local.get $cols)))
          (local.set $ss (f64.const 0))
          (local.set $ap (i32.add (local.get $arow) (i32.mul (local.get $k0) (local.get $aK))))
          (local.set $bp (i32.add (local.get $b)
            (i32.shl (i32.add (i32.mul (local.get $k0) (local.get $cols)) (local.get $j)) (i32.const 2))))
          (local.set $k (local.get $k0))
          (block $doneKT (loop $loopKT
            (br_if $doneKT (i32.ge_u (local.get $k) (local.get $end)))
            (local.set $ss (f64.add (local.get $ss)
              (f64.mul (f64.promote_f32 (f32.load (local.get $ap))) (f64.promote_f32 (f32.load (local.get $bp))))))
            (local.set $ap (i32.add (local.get $ap) (local.get $aK)))
            (local.set $bp (i32.add (local.get $bp) (local.get $rowBytes)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $loopKT)))
          (local.set $op (i32.add (local.get $out)
            (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j)) (i32.const 2))))
          (f32.store (local.get $op) (f32.demote_f64 (f64.add
            (select (f64.const 0) (f64.promote_f32 (f32.load (local.get $op))) (local.get $first))
            (local.get $ss))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $loopT)))
        (local.set $k0 (i32.add (local.get $k0) (i32.const 48)))
        (br $loopK0)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $loopI))))

  ;; One Adam step over n float32 weights, as cpu-optimizers.ts does it in JavaScript:
  ;; m ← m·β₁ + g·(1−β₁); v ← v·β₂ + g²·(1−β₂); w ← (m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε) · (−lr) + w.
  ;; Every float32 operation is IEEE-rounded, in WebAssembly as in Math.fround of the
  ;; float64 result, so four lanes at a time give the same bits.
  (func (export "adam")
    (param $w i32) (param $g i32) (param $m i32) (param $v i32) (param $n i32)
    (param $b1 f32) (param $c1 f32) (param $b2 f32) (param $c2 f32)
    (param $om1 f32) (param $om2 f32) (param $eps f32) (param $step f32)
    (local $i i32) (local $at i32) (local $n4 i32)
    (local $G v128) (local $M v128) (local $V v128)
    (local $g1 f32) (local $m1 f32) (local $v1 f32)
    (local.set $n4 (i32.and (local.get $n) (i32.const -4)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n4)))
      (local.set $at (i32.shl (local.get $i) (i32.const 2)))
      (local.set $G (v128.load (i32.add (local.get $g) (local.get $at))))
      (local.set $M (f32x4.add
        (f32x4.mul (v128.load (i32.add (local.get $m) (local.get $at))) (f32x4.splat (local.get $b1)))
        (f32x4.mul (local.get $G) (f32x4.splat (local.get $c1)))))
      (local.set $V (f32x4.add
        (f32x4.mul (v128.load (i32.add (local.get $v) (local.get $at))) (f32x4.splat (local.get $b2)))
        (f32x4.mul (f32x4.mul (local.get $G) (local.get $G)) (f32x4.splat (local.get $c2)))))
      (v128.store (i32.add (local.get $m) (local.get $at)) (local.get $M))
      (v128.store (i32.add (local.get $v) (local.get $at)) (local.get $V))
      (v128.store (i32.add (local.get $w) (local.get $at)) (f32x4.add
        (f32x4.mul
          (f32x4.div
            (f32x4.div (local.get $M) (f32x4.splat (local.get $om1)))
            (f32x4.add (f32x4.sqrt (f32x4.div (local.get $V) (f32x4.splat (local.get $om2)))) (f32x4.splat (local.get $eps))))
          (f32x4.splat (local.get $step)))
        (v128.load (i32.add (local.get $w) (local.get $at)))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $next)))
    (block $doneT (loop $nextT
      (br_if $doneT (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $at (i32.shl (local.get $i) (i32.const 2)))
      (local.set $g1 (f32.load (i32.add (local.get $g) (local.get $at))))
      (local.set $m1 (f32.add
        (f32.mul (f32.load (i32.add (local.get $m) (local.get $at))) (local.get $b1))
        (f32.mul (local.get $g1) (local.get $c1))))
      (local.set $v1 (f32.add
        (f32.mul (f32.load (i32.add (local.get $v) (local.get $at))) (local.get $b2))
        (f32.mul (f32.mul (local.get $g1) (local.get $g1)) (local.get $c2))))
      (f32.store (i32.add (local.get $m) (local.get $at)) (local.get $m1))
      (f32.store (i32.add (local.get $v) (local.get $at)) (local.get $v1))
      (f32.store (i32.add (local.get $w) (local.get $at)) (f32.add
        (f32.mul
          (f32.div
            (f32.div (local.get $m1) (local.get $om1))
            (f32.add (f32.sqrt (f32.div (local.get $v1) (local.get $om2))) (local.get $eps)))
          (local.get $step))
        (f32.load (i32.add (local.get $w) (local.get $at)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $nextT))))
)
