;; matMul with exactly the arithmetic of tfjs's cpu backend (see cpu-kernels.ts), in
;; WebAssembly with 128-bit SIMD: each output is a float64 sum of float32 products over
;; each block of 48 shared indices, in index order, added into the float32 result
;; block after block. SIMD lanes hold different outputs, never parts of one sum, so
;; every output sees the same operations in the same order as the JavaScript kernel.
;; Both operands are first widened to float64 panels of four rows (or columns), so the
;; inner loop is loads, multiplies and adds over a 4 × 4 tile of outputs (a relaxed-SIMD
;; build fuses each multiply-add: the same bits, as a product of two float32s is exact in
;; float64). Built, with cpu-elementwise.wat's kernels, into cpu-matmul-wasm.ts by
;; `npm run build:wasm`.
(module
  (import "env" "memory" (memory 1))

  ;; out[i*cols + j] (float32) = Σ_k a(i, k) · b(k, j) for i < rows, j < cols, k < shared, where
  ;; a(i, k) is the float32 at byte a + i*aI + k*aK and b(k, j) the one at b + k*bK + j*bJ
  ;; (row-major a: aI = 4·shared, aK = 4; transposed: aI = 4, aK = 4·rows; likewise b).
  ;; work: byte offset of scratch for matMulWork(rows, cols, shared) floats (cpu-matmul.ts).
  ;; The 16 bytes after out may be read (never written).
  (func (export "matMul")
    (param $out i32) (param $a i32) (param $aI i32) (param $aK i32) (param $b i32) (param $bK i32) (param $bJ i32)
    (param $rows i32) (param $cols i32) (param $shared i32) (param $work i32)
    (local $pb i32)
    (local.set $pb (i32.add (local.get $work)
      (i32.shl (i32.mul (i32.and (i32.add (local.get $rows) (i32.const 3)) (i32.const -4)) (local.get $shared)) (i32.const 3))))
    (call $panel (local.get $work) (local.get $a) (local.get $aI) (local.get $aK) (local.get $rows) (local.get $shared))
    (call $panel (local.get $pb) (local.get $b) (local.get $bJ) (local.get $bK) (local.get $cols) (local.get $shared))
    (call $tiles (local.get $out) (local.get $work) (local.get $pb) (local.get $rows) (local.get $cols) (local.get $shared)))

  ;; Widens n lines (rows of a, or columns of b) of a strided float32 matrix into float64
  ;; panels: line i, index k goes to dst + ((i>>2)·shared + k)·32 + (i&3)·8; lines past n, to
  ;; the next multiple of 4, are zeros. Four lines side by side in memory (sI = 4), or four
  ;; lines each contiguous (sK = 4), go together.
  (func $panel (param $dst i32) (param $src i32) (param $sI i32) (param $sK i32) (param $n i32) (param $shared i32)
    (local $i i32) (local $k i32) (local $from i32) (local $to i32) (local $x v128)
    (block $doneI (loop $loopI
      (br_if $doneI (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $from (i32.add (local.get $src) (i32.mul (local.get $i) (local.get $sI))))
      (local.set $to (i32.add (local.get $dst) (i32.add
        (i32.shl (i32.mul (i32.shr_u (local.get $i) (i32.const 2)) (local.get $shared)) (i32.const 5))
        (i32.shl (i32.and (local.get $i) (i32.const 3)) (i32.const 3)))))
      (local.set $k (local.get $shared))
      (if (i32.and (i32.eq (local.get $sI) (i32.const 4))
            (i32.and (i32.eqz (i32.and (local.get $i) (i32.const 3))) (i32.le_u (i32.add (local.get $i) (i32.const 4)) (local.get $n))))
        (then ;; lines i…i+3 at once
          (block $done4 (loop $loop4
            (br_if $done4 (i32.eqz (local.get $k)))
            (local.set $x (v128.load (local.get $from)))
            (v128.store (local.get $to) (f64x2.promote_low_f32x4 (local.get $x)))
            (v128.store offset=16 (local.get $to) (f64x2.promote_low_f32x4
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))))
            (local.set $from (i32.add (local.get $from) (local.get $sK)))
            (local.set $to (i32.add (local.get $to) (i32.const 32)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (br $loop4)))
          (local.set $i (i32.add (local.get $i) (i32.const 4))))
        (else (if (i32.and (i32.eq (local.get $sK) (i32.const 4))
            (i32.and (i32.eqz (i32.and (local.get $i) (i32.const 3))) (i32.le_u (i32.add (local.get $i) (i32.const 4)) (local.get $n))))
        (then ;; lines i…i+3, each contiguous
          (call $panelRows (local.get $to) (local.get $from) (local.get $sI) (local.get $shared))
          (local.set $i (i32.add (local.get $i) (i32.const 4))))
        (else
          (block $doneK (loop $loopK
            (br_if $doneK (i32.eqz (local.get $k)))
            (f64.store (local.get $to) (f64.promote_f32 (f32.load (local.get $from))))
            (local.set $from (i32.add (local.get $from) (local.get $sK)))
            (local.set $to (i32.add (local.get $to) (i32.const 32)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (br $loopK)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))))))
      (br $loopI)))
    (block $doneZ (loop $loopZ ;; zero lines up to the next multiple of 4
      (br_if $doneZ (i32.eqz (i32.and (local.get $i) (i32.const 3))))
      (local.set $to (i32.add (local.get $dst) (i32.add
        (i32.shl (i32.mul (i32.shr_u (local.get $i) (i32.const 2)) (local.get $shared)) (i32.const 5))
        (i32.shl (i32.and (local.get $i) (i32.const 3)) (i32.const 3)))))
      (local.set $k (local.get $shared))
      (block $doneK (loop $loopK
        (br_if $doneK (i32.eqz (local.get $k)))
        (f64.store (local.get $to) (f64.const 0))
        (local.set $to (i32.add (local.get $to) (i32.const 32)))
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (br $loopK)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $loopZ))))

  ;; Four lines (sI bytes apart, each contiguous along k) into one panel at to: four by four
  ;; values, transposed with shuffles, then the last shared mod 4 one by one.
  (func $panelRows (param $to i32) (param $from i32) (param $sI i32) (param $shared i32)
    (local $k i32) (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128)
    (block $done4 (loop $next4
      (br_if $done4 (i32.gt_u (i32.add (local.get $k) (i32.const 4)) (local.get $shared)))
      (local.set $r0 (v128.load (local.get $from)))
      (local.set $r1 (v128.load (i32.add (local.get $from) (local.get $sI))))
      (local.set $r2 (v128.load (i32.add (local.get $from) (i32.shl (local.get $sI) (i32.const 1)))))
      (local.set $r3 (v128.load (i32.add (local.get $from) (i32.mul (local.get $sI) (i32.const 3)))))
      (v128.store (local.get $to) (f64x2.promote_low_f32x4 (i8x16.shuffle 0 1 2 3 16 17 18 19 0 0 0 0 0 0 0 0 (local.get $r0) (local.get $r1))))
      (v128.store offset=16 (local.get $to) (f64x2.promote_low_f32x4 (i8x16.shuffle 0 1 2 3 16 17 18 19 0 0 0 0 0 0 0 0 (local.get $r2) (local.get $r3))))
      (v128.store offset=32 (local.get $to) (f64x2.promote_low_f32x4 (i8x16.shuffle 4 5 6 7 20 21 22 23 0 0 0 0 0 0 0 0 (local.get $r0) (local.get $r1))))
      (v128.store offset=48 (local.get $to) (f64x2.promote_low_f32x4 (i8x16.shuffle 4 5 6 7 20 21 22 23 0 0 0 0 0 0 0 0 (local.get $r2) (local.get $r3))))
      (v128.store offset=64 (local.get $to) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 24 25 26 27 0 0 0 0 0 0 0 0 (local.get $r0) (local.get $r1))))
      (v128.store offset=80 (local.get $to) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 24 25 26 27 0 0 0 0 0 0 0 0 (local.get $r2) (local.get $r3))))
      (v128.store offset=96 (local.get $to) (f64x2.promote_low_f32x4 (i8x16.shuffle 12 13 14 15 28 29 30 31 0 0 0 0 0 0 0 0 (local.get $r0) (local.get $r1))))
      (v128.store offset=112 (local.get $to) (f64x2.promote_low_f32x4 (i8x16.shuffle 12 13 14 15 28 29 30 31 0 0 0 0 0 0 0 0 (local.get $r2) (local.get $r3))))
      (local.set $from (i32.add (local.get $from) (i32.const 16)))
      (local.set $to (i32.add (local.get $to) (i32.const 128)))
      (local.set $k (i32.add (local.get $k) (i32.const 4)))
      (br $next4)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $k) (local.get $shared)))
      (f64.store (local.get $to) (f64.promote_f32 (f32.load (local.get $from))))
      (f64.store offset=8 (local.get $to) (f64.promote_f32 (f32.load (i32.add (local.get $from) (i32.mul (local.get $sI) (i32.const 1))))))
      (f64.store offset=16 (local.get $to) (f64.promote_f32 (f32.load (i32.add (local.get $from) (i32.mul (local.get $sI) (i32.const 2))))))
      (f64.store offset=24 (local.get $to) (f64.promote_f32 (f32.load (i32.add (local.get $from) (i32.mul (local.get $sI) (i32.const 3))))))
      (local.set $from (i32.add (local.get $from) (i32.const 4)))
      (local.set $to (i32.add (local.get $to) (i32.const 32)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $next))))

  ;; The product from the panels into out, 4 × 4 outputs at a time: per block of 48 shared
  ;; indices, eight float64 pairs of sums, then each output ← float32(output + its sum)
  ;; (0 + sum for the first block). Tiles past rows or cols store only what is inside.
  (func $tiles (param $out i32) (param $pa i32) (param $pb i32) (param $rows i32) (param $cols i32) (param $shared i32)
    (local $t i32) (local $u i32) (local $k0 i32) (local $n i32) (local $ap i32) (local $bp i32) (local $o i32) (local $rowBytes i32)
    (local $first i32) (local $full i32) (local $nc i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $s4 v128) (local $s5 v128) (local $s6 v128) (local $s7 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 2)))
    (block $doneT (loop $loopT
      (br_if $doneT (i32.ge_u (local.get $t) (local.get $rows)))
      (local.set $u (i32.const 0))
      (block $doneU (loop $loopU
        (br_if $doneU (i32.ge_u (local.get $u) (local.get $cols)))
        (local.set $nc (i32.sub (local.get $cols) (local.get $u)))
        (local.set $full (i32.and (i32.ge_u (local.get $nc) (i32.const 4)) (i32.le_u (i32.add (local.get $t) (i32.const 4)) (local.get $rows))))
        (local.set $k0 (i32.const 0))
        (block $doneK0 (loop $loopK0
          (br_if $doneK0 (i32.ge_u (local.get $k0) (local.get $shared)))
          (local.set $first (i32.eqz (local.get $k0)))
          (local.set $n (i32.sub (local.get $shared) (local.get $k0)))
          (if (i32.gt_u (local.get $n) (i32.const 48)) (then (local.set $n (i32.const 48))))
          (local.set $ap (i32.add (local.get $pa) (i32.shl (i32.add (i32.mul (local.get $t) (local.get $shared)) (i32.shl (local.get $k0) (i32.const 2))) (i32.const 3))))
          (local.set $bp (i32.add (local.get $pb) (i32.shl (i32.add (i32.mul (local.get $u) (local.get $shared)) (i32.shl (local.get $k0) (i32.const 2))) (i32.const 3))))
          (local.set $s0 (v128.const i64x2 0 0)) (local.set $s1 (v128.const i64x2 0 0))
          (local.set $s2 (v128.const i64x2 0 0)) (local.set $s3 (v128.const i64x2 0 0))
          (local.set $s4 (v128.const i64x2 0 0)) (local.set $s5 (v128.const i64x2 0 0))
          (local.set $s6 (v128.const i64x2 0 0)) (local.set $s7 (v128.const i64x2 0 0))
          (block $doneK (loop $loopK
            (local.set $b0 (v128.load (local.get $bp)))
            (local.set $b1 (v128.load offset=16 (local.get $bp)))
            (local.set $x (v128.load64_splat (local.get $ap)))
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat offset=8 (local.get $ap)))
            (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat offset=16 (local.get $ap)))
            (local.set $s4 (f64x2.add (local.get $s4) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $s5 (f64x2.add (local.get $s5) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load64_splat offset=24 (local.get $ap)))
            (local.set $s6 (f64x2.add (local.get $s6) (f64x2.mul (local.get $x) (local.get $b0))))
            (local.set $s7 (f64x2.add (local.get $s7) (f64x2.mul (local.get $x) (local.get $b1))))
            (local.set $ap (i32.add (local.get $ap) (i32.const 32)))
            (local.set $bp (i32.add (local.get $bp) (i32.const 32)))
            (local.set $n (i32.sub (local.get $n) (i32.const 1)))
            (br_if $loopK (local.get $n))))
          (local.set $o (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $t) (local.get $cols)) (local.get $u)) (i32.const 2))))
          (if (local.get $full)
            (then
              (v128.store64_lane 0 (local.get $o) (f32x4.demote_f64x2_zero (f64x2.add
                (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $o))) (local.get $first))
                (local.get $s0))))
              (v128.store64_lane offset=8 0 (local.get $o) (f32x4.demote_f64x2_zero (f64x2.add
                (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (local.get $o))) (local.get $first))
                (local.get $s1))))
              (local.set $o (i32.add (local.get $o) (local.get $rowBytes)))
              (v128.store64_lane 0 (local.get $o) (f32x4.demote_f64x2_zero (f64x2.add
                (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $o))) (local.get $first))
                (local.get $s2))))
              (v128.store64_lane offset=8 0 (local.get $o) (f32x4.demote_f64x2_zero (f64x2.add
                (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (local.get $o))) (local.get $first))
                (local.get $s3))))
              (local.set $o (i32.add (local.get $o) (local.get $rowBytes)))
              (v128.store64_lane 0 (local.get $o) (f32x4.demote_f64x2_zero (f64x2.add
                (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $o))) (local.get $first))
                (local.get $s4))))
              (v128.store64_lane offset=8 0 (local.get $o) (f32x4.demote_f64x2_zero (f64x2.add
                (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (local.get $o))) (local.get $first))
                (local.get $s5))))
              (local.set $o (i32.add (local.get $o) (local.get $rowBytes)))
              (v128.store64_lane 0 (local.get $o) (f32x4.demote_f64x2_zero (f64x2.add
                (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $o))) (local.get $first))
                (local.get $s6))))
              (v128.store64_lane offset=8 0 (local.get $o) (f32x4.demote_f64x2_zero (f64x2.add
                (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (local.get $o))) (local.get $first))
                (local.get $s7)))))
            (else
              (call $put (local.get $o) (local.get $s0) (local.get $s1) (local.get $first) (local.get $nc))
              (if (i32.lt_u (i32.add (local.get $t) (i32.const 1)) (local.get $rows)) (then
                (call $put (i32.add (local.get $o) (local.get $rowBytes)) (local.get $s2) (local.get $s3) (local.get $first) (local.get $nc))))
              (if (i32.lt_u (i32.add (local.get $t) (i32.const 2)) (local.get $rows)) (then
                (call $put (i32.add (local.get $o) (i32.shl (local.get $rowBytes) (i32.const 1))) (local.get $s4) (local.get $s5) (local.get $first) (local.get $nc))))
              (if (i32.lt_u (i32.add (local.get $t) (i32.const 3)) (local.get $rows)) (then
                (call $put (i32.add (local.get $o) (i32.mul (local.get $rowBytes) (i32.const 3))) (local.get $s6) (local.get $s7) (local.get $first) (local.get $nc))))))
          (local.set $k0 (i32.add (local.get $k0) (i32.const 48)))
          (br $loopK0)))
        (local.set $u (i32.add (local.get $u) (i32.const 4)))
        (br $loopU)))
      (local.set $t (i32.add (local.get $t) (i32.const 4)))
      (br $loopT))))

  ;; Two outputs at o ← float32(output + sum), or float32(0 + sum) on the first block.
  (func $sum2 (param $o i32) (param $s v128) (param $first i32) (result v128)
    (f32x4.demote_f64x2_zero (f64x2.add
      (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $o))) (local.get $first))
      (local.get $s))))

  ;; A row of four outputs at o from two float64 pairs of sums.
  (func $put4 (param $o i32) (param $lo v128) (param $hi v128) (param $first i32)
    (v128.store64_lane 0 (local.get $o) (f32x4.demote_f64x2_zero (f64x2.add
      (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $o))) (local.get $first))
      (local.get $lo))))
    (v128.store64_lane offset=8 0 (local.get $o) (f32x4.demote_f64x2_zero (f64x2.add
      (select (v128.const i64x2 0 0) (f64x2.promote_low_f32x4 (v128.load64_zero offset=8 (local.get $o))) (local.get $first))
      (local.get $hi)))))

  ;; The first nc (1 to 4) of a row of four outputs at o.
  (func $put (param $o i32) (param $lo v128) (param $hi v128) (param $first i32) (param $nc i32)
    (if (i32.ge_u (local.get $nc) (i32.const 4)) (then (call $put4 (local.get $o) (local.get $lo) (local.get $hi) (local.get $first)) (return)))
    (if (i32.ge_u (local.get $nc) (i32.const 2))
      (then (v128.store64_lane 0 (local.get $o) (call $sum2 (local.get $o) (local.get $lo) (local.get $first))))
      (else (v128.store32_lane 0 (local.get $o) (call $sum2 (local.get $o) (local.get $lo) (local.get $first)))))
    (if (i32.eq (local.get $nc) (i32.const 3)) (then
      (v128.store32_lane offset=8 0 (local.get $o) (call $sum2 (i32.add (local.get $o) (i32.const 8)) (local.get $hi) (local.get $first))))))
)
