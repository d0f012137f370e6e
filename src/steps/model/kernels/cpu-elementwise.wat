;; The element-wise kernels of the cpu training loop, in WebAssembly SIMD: module fields that
;; scripts/build-wasm.ts splices into cpu-matmul.wat's module (same memory). Each gives exactly
;; the bits of its JavaScript counterpart in cpu-kernels.ts or cpu-optimizers.ts: one float32
;; operation rounds the same in WebAssembly as Math.fround of the float64 result.

  ;; A dense layer's epilogue over rows × cols values at m: m[i, j] ← float32(m[i, j] + bias[j])
  ;; (tfjs's broadcast Add), and where act ≥ 0, act[i, j] = max(0, m[i, j]) (its Relu).
  (func (export "biasRelu") (param $m i32) (param $bias i32) (param $act i32) (param $rows i32) (param $cols i32)
    (local $j i32) (local $end i32) (local $x v128) (local $relu i32) (local $at i32)
    (local.set $relu (i32.ge_s (local.get $act) (i32.const 0)))
    (local.set $end (i32.add (local.get $m) (i32.shl (i32.mul (local.get $rows) (local.get $cols)) (i32.const 2))))
    (block $done (loop $row
      (br_if $done (i32.ge_u (local.get $m) (local.get $end)))
      (local.set $j (i32.const 0))
      (block $doneJ (loop $nextJ ;; four columns at a time, then one lane at a time
        (br_if $doneJ (i32.ge_u (local.get $j) (local.get $cols)))
        (local.set $at (i32.shl (local.get $j) (i32.const 2)))
        (if (i32.le_u (i32.add (local.get $j) (i32.const 4)) (local.get $cols))
          (then
            (local.set $x (f32x4.add (v128.load (i32.add (local.get $m) (local.get $at))) (v128.load (i32.add (local.get $bias) (local.get $at)))))
            (v128.store (i32.add (local.get $m) (local.get $at)) (local.get $x))
            (if (local.get $relu) (then (v128.store (i32.add (local.get $act) (local.get $at)) (f32x4.max (v128.const f32x4 0 0 0 0) (local.get $x)))))
            (local.set $j (i32.add (local.get $j) (i32.const 4))))
          (else
            (local.set $x (f32x4.add (v128.load32_zero (i32.add (local.get $m) (local.get $at))) (v128.load32_zero (i32.add (local.get $bias) (local.get $at)))))
            (v128.store32_lane 0 (i32.add (local.get $m) (local.get $at)) (local.get $x))
            (if (local.get $relu) (then (v128.store32_lane 0 (i32.add (local.get $act) (local.get $at)) (f32x4.max (v128.const f32x4 0 0 0 0) (local.get $x)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))))
        (br $nextJ)))
      (local.set $m (i32.add (local.get $m) (i32.shl (local.get $cols) (i32.const 2))))
      (local.set $act (i32.add (local.get $act) (i32.shl (local.get $cols) (i32.const 2))))
      (br $row))))

  ;; Relu's gradient: into[i] = dy[i] · (pre[i] > 0 ? 1 : 0), NaN where pre[i] is NaN (float32 products).
  (func (export "reluGradient") (param $into i32) (param $dy i32) (param $pre i32) (param $n i32)
    (local $end i32) (local $p v128)
    (local.set $end (i32.add (local.get $into) (i32.shl (local.get $n) (i32.const 2))))
    (block $done (loop $next
      (br_if $done (i32.gt_u (i32.add (local.get $into) (i32.const 16)) (local.get $end)))
      (local.set $p (v128.load (local.get $pre)))
      (v128.store (local.get $into) (f32x4.mul (v128.load (local.get $dy))
        (v128.bitselect (v128.const f32x4 nan nan nan nan)
          (v128.and (f32x4.gt (local.get $p) (f32x4.splat (f32.const 0))) (v128.const f32x4 1 1 1 1))
          (f32x4.ne (local.get $p) (local.get $p)))))
      (local.set $into (i32.add (local.get $into) (i32.const 16)))
      (local.set $dy (i32.add (local.get $dy) (i32.const 16)))
      (local.set $pre (i32.add (local.get $pre) (i32.const 16)))
      (br $next)))
    (block $doneT (loop $nextT ;; the last n mod 4, one lane each
      (br_if $doneT (i32.ge_u (local.get $into) (local.get $end)))
      (local.set $p (v128.load32_zero (local.get $pre)))
      (v128.store32_lane 0 (local.get $into) (f32x4.mul (v128.load32_zero (local.get $dy))
        (v128.bitselect (v128.const f32x4 nan nan nan nan)
          (v128.and (f32x4.gt (local.get $p) (f32x4.splat (f32.const 0))) (v128.const f32x4 1 1 1 1))
          (f32x4.ne (local.get $p) (local.get $p)))))
      (local.set $into (i32.add (local.get $into) (i32.const 4)))
      (local.set $dy (i32.add (local.get $dy) (i32.const 4)))
      (local.set $pre (i32.add (local.get $pre) (i32.const 4)))
      (br $nextT))))

  ;; out[j] = float32 of the float64 sum, in row order, of column j of a rows × cols matrix (tfjs's Sum over axis 0).
  (func (export "columnSums") (param $out i32) (param $m i32) (param $rows i32) (param $cols i32)
    (local $j i32) (local $i i32) (local $p i32) (local $s f64)
    (block $doneJ (loop $loopJ
      (br_if $doneJ (i32.ge_u (local.get $j) (local.get $cols)))
      (local.set $s (f64.const 0))
      (local.set $p (i32.add (local.get $m) (i32.shl (local.get $j) (i32.const 2))))
      (local.set $i (i32.const 0))
      (block $doneI (loop $loopI
        (br_if $doneI (i32.ge_u (local.get $i) (local.get $rows)))
        (local.set $s (f64.add (local.get $s) (f64.promote_f32 (f32.load (local.get $p)))))
        (local.set $p (i32.add (local.get $p) (i32.shl (local.get $cols) (i32.const 2))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $loopI)))
      (f32.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))) (f32.demote_f64 (local.get $s)))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $loopJ))))

  ;; The L2 penalty's gradient added to a kernel's: g[i] ← g[i] + penalty · (w[i] · 2), float32 operations.
  (func (export "addPenalty") (param $g i32) (param $w i32) (param $n i32) (param $penalty f32)
    (local $end i32)
    (local.set $end (i32.add (local.get $g) (i32.shl (local.get $n) (i32.const 2))))
    (block $done4 (loop $next4 ;; four at a time, then one at a time
      (br_if $done4 (i32.gt_u (i32.add (local.get $g) (i32.const 16)) (local.get $end)))
      (v128.store (local.get $g) (f32x4.add (v128.load (local.get $g))
        (f32x4.mul (f32x4.splat (local.get $penalty)) (f32x4.mul (v128.load (local.get $w)) (v128.const f32x4 2 2 2 2)))))
      (local.set $g (i32.add (local.get $g) (i32.const 16)))
      (local.set $w (i32.add (local.get $w) (i32.const 16)))
      (br $next4)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $g) (local.get $end)))
      (f32.store (local.get $g) (f32.add (f32.load (local.get $g))
        (f32.mul (local.get $penalty) (f32.mul (f32.load (local.get $w)) (f32.const 2)))))
      (local.set $g (i32.add (local.get $g) (i32.const 4)))
      (local.set $w (i32.add (local.get $w) (i32.const 4)))
      (br $next))))


  ;; One Adam step over n float32 weights, as cpu-optimizers.ts does it in JavaScript:
  ;; m ← m·β₁ + g·(1−β₁); v ← v·β₂ + g²·(1−β₂); w ← (m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε) · (−lr) + w.
  ;; Every float32 operation is IEEE-rounded, in WebAssembly as in Math.fround of the
  ;; float64 result, so four lanes at a time give the same bits.
  ;; The constants are eight float32s at c: β₁, 1−β₁, β₂, 1−β₂, 1−β₁ᵗ, 1−β₂ᵗ, ε, −lr (float
  ;; arguments would cost a slow call from JavaScript at every step).
  (func (export "adam")
    (param $w i32) (param $g i32) (param $m i32) (param $v i32) (param $n i32) (param $c i32)
    (local $b1 f32) (local $c1 f32) (local $b2 f32) (local $c2 f32)
    (local $om1 f32) (local $om2 f32) (local $eps f32) (local $step f32)
    (local $i i32) (local $at i32) (local $n4 i32)
    (local $G v128) (local $M v128) (local $V v128)
    (local $g1 f32) (local $m1 f32) (local $v1 f32)
    (local.set $b1 (f32.load (local.get $c))) (local.set $c1 (f32.load offset=4 (local.get $c)))
    (local.set $b2 (f32.load offset=8 (local.get $c))) (local.set $c2 (f32.load offset=12 (local.get $c)))
    (local.set $om1 (f32.load offset=16 (local.get $c))) (local.set $om2 (f32.load offset=20 (local.get $c)))
    (local.set $eps (f32.load offset=24 (local.get $c))) (local.set $step (f32.load offset=28 (local.get $c)))
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

  ;; Rows order[start…start+rows) (int32s at order) of a row-major matrix with `width` float32
  ;; columns at from, copied bit for bit into the first rows at into.
  (func (export "gatherRows") (param $into i32) (param $from i32) (param $order i32) (param $start i32) (param $rows i32) (param $width i32)
    (local $src i32) (local $end i32) (local $rowBytes i32) (local $p i32)
    (local.set $rowBytes (i32.shl (local.get $width) (i32.const 2)))
    (local.set $order (i32.add (local.get $order) (i32.shl (local.get $start) (i32.const 2))))
    (local.set $end (i32.add (local.get $order) (i32.shl (local.get $rows) (i32.const 2))))
    (block $done (loop $row
      (br_if $done (i32.ge_u (local.get $order) (local.get $end)))
      (local.set $src (i32.add (local.get $from) (i32.mul (i32.load (local.get $order)) (local.get $rowBytes))))
      (local.set $p (i32.const 0))
      (block $done4 (loop $next4 ;; four at a time, then one at a time
        (br_if $done4 (i32.gt_u (i32.add (local.get $p) (i32.const 16)) (local.get $rowBytes)))
        (v128.store (i32.add (local.get $into) (local.get $p)) (v128.load (i32.add (local.get $src) (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next4)))
      (block $done1 (loop $next1
        (br_if $done1 (i32.ge_u (local.get $p) (local.get $rowBytes)))
        (i32.store (i32.add (local.get $into) (local.get $p)) (i32.load (i32.add (local.get $src) (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $next1)))
      (local.set $into (i32.add (local.get $into) (local.get $rowBytes)))
      (local.set $order (i32.add (local.get $order) (i32.const 4)))
      (br $row))))
