;; BLAKE2b (RFC 7693) in WebAssembly with native i64 operations, for the Worker's blob
;; checks (PROTOCOL §6: a blob's id is b64(H(32, blob))). Hand-written; assembled into
;; blake2b.wasm by scripts/gen-blake2b-wasm.ts (wabt), and the committed binary is checked
;; against a fresh assembly in worker/test/blake2b.node.test.ts.
;;
;; Streaming, so that a 16 MiB blob never sits in wasm memory whole: the caller
;; (worker/src/verify/blake2b.ts) copies up to 65536 bytes at a time to INPUT and calls
;; update(len). Memory map (two 64 KiB pages, never grown):
;;   INPUT  0      … 65535   the caller's piece (or the key, before init)
;;   STATE  65536  … 65599   h[0..7], little-endian: the digest is its first outlen bytes
;;   BLOCK  65600  … 65727   the pending block (BLAKE2b compresses the last block apart)
;;   IV     65728  … 65791   RFC 7693 §2.6
;;   SIGMA  65792  … 65983   RFC 7693 §2.7, 12 rounds × 16 entries, each pre-multiplied by 8
;;                           (a byte offset into the 128-byte block)
;; The byte counter is a single i64: inputs stay far below 2^64 bytes, so its high word is 0.
(module
  (memory (export "memory") 2)

  (global $blockLen (mut i32) (i32.const 0)) ;; bytes pending in BLOCK (0…128)
  (global $t (mut i64) (i64.const 0))        ;; bytes compressed so far

  (data (i32.const 65728)
    "\08\c9\bc\f3\67\e6\09\6a" "\3b\a7\ca\84\85\ae\67\bb"
    "\2b\f8\94\fe\72\f3\6e\3c" "\f1\36\1d\5f\3a\f5\4f\a5"
    "\d1\82\e6\ad\7f\52\0e\51" "\1f\6c\3e\2b\8c\68\05\9b"
    "\6b\bd\41\fb\ab\d9\83\1f" "\79\21\7e\13\19\cd\e0\5b")

  (data (i32.const 65792)
    ;; round 0:  0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
    "\00\08\10\18\20\28\30\38\40\48\50\58\60\68\70\78"
    ;; round 1: 14 10  4  8  9 15 13  6  1 12  0  2 11  7  5  3
    "\70\50\20\40\48\78\68\30\08\60\00\10\58\38\28\18"
    ;; round 2: 11  8 12  0  5  2 15 13 10 14  3  6  7  1  9  4
    "\58\40\60\00\28\10\78\68\50\70\18\30\38\08\48\20"
    ;; round 3:  7  9  3  1 13 12 11 14  2  6  5 10  4  0 15  8
    "\38\48\18\08\68\60\58\70\10\30\28\50\20\00\78\40"
    ;; round 4:  9  0  5  7  2  4 10 15 14  1 11 12  6  8  3 13
    "\48\00\28\38\10\20\50\78\70\08\58\60\30\40\18\68"
    ;; round 5:  2 12  6 10  0 11  8  3  4 13  7  5 15 14  1  9
    "\10\60\30\50\00\58\40\18\20\68\38\28\78\70\08\48"
    ;; round 6: 12  5  1 15 14 13  4 10  0  7  6  3  9  2  8 11
    "\60\28\08\78\70\68\20\50\00\38\30\18\48\10\40\58"
    ;; round 7: 13 11  7 14 12  1  3  9  5  0 15  4  8  6  2 10
    "\68\58\38\70\60\08\18\48\28\00\78\20\40\30\10\50"
    ;; round 8:  6 15 14  9 11  3  0  8 12  2 13  7  1  4 10  5
    "\30\78\70\48\58\18\00\40\60\10\68\38\08\20\50\28"
    ;; round 9: 10  2  8  4  7  6  1  5 15 11  9 14  3 12 13  0
    "\50\10\40\20\38\30\08\28\78\58\48\70\18\60\68\00"
    ;; rounds 10 and 11 repeat rounds 0 and 1
    "\00\08\10\18\20\28\30\38\40\48\50\58\60\68\70\78"
    "\70\50\20\40\48\78\68\30\08\60\00\10\58\38\28\18")

  ;; F of RFC 7693 §3.2 on the 128-byte block at $p; $last marks the final block.
  (func $compress (param $p i32) (param $last i32)
    (local $v0 i64) (local $v1 i64) (local $v2 i64) (local $v3 i64)
    (local $v4 i64) (local $v5 i64) (local $v6 i64) (local $v7 i64)
    (local $v8 i64) (local $v9 i64) (local $v10 i64) (local $v11 i64)
    (local $v12 i64) (local $v13 i64) (local $v14 i64) (local $v15 i64)
    (local $s i32) ;; this round's SIGMA row

    (local.set $v0 (i64.load offset=65536 (i32.const 0)))
    (local.set $v1 (i64.load offset=65544 (i32.const 0)))
    (local.set $v2 (i64.load offset=65552 (i32.const 0)))
    (local.set $v3 (i64.load offset=65560 (i32.const 0)))
    (local.set $v4 (i64.load offset=65568 (i32.const 0)))
    (local.set $v5 (i64.load offset=65576 (i32.const 0)))
    (local.set $v6 (i64.load offset=65584 (i32.const 0)))
    (local.set $v7 (i64.load offset=65592 (i32.const 0)))
    (local.set $v8 (i64.load offset=65728 (i32.const 0)))
    (local.set $v9 (i64.load offset=65736 (i32.const 0)))
    (local.set $v10 (i64.load offset=65744 (i32.const 0)))
    (local.set $v11 (i64.load offset=65752 (i32.const 0)))
    (local.set $v12 (i64.xor (i64.load offset=65760 (i32.const 0)) (global.get $t)))
    (local.set $v13 (i64.load offset=65768 (i32.const 0)))
    (local.set $v14 (i64.load offset=65776 (i32.const 0)))
    (local.set $v15 (i64.load offset=65784 (i32.const 0)))
    (if (local.get $last)
      (then (local.set $v14 (i64.xor (local.get $v14) (i64.const -1)))))

    (local.set $s (i32.const 65792))
    (loop $round
      ;; G(v0, v4, v8, v12, m[s0], m[s1])
      (local.set $v0 (i64.add (i64.add (local.get $v0) (local.get $v4))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=0 (local.get $s))))))
      (local.set $v12 (i64.rotr (i64.xor (local.get $v12) (local.get $v0)) (i64.const 32)))
      (local.set $v8 (i64.add (local.get $v8) (local.get $v12)))
      (local.set $v4 (i64.rotr (i64.xor (local.get $v4) (local.get $v8)) (i64.const 24)))
      (local.set $v0 (i64.add (i64.add (local.get $v0) (local.get $v4))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=1 (local.get $s))))))
      (local.set $v12 (i64.rotr (i64.xor (local.get $v12) (local.get $v0)) (i64.const 16)))
      (local.set $v8 (i64.add (local.get $v8) (local.get $v12)))
      (local.set $v4 (i64.rotr (i64.xor (local.get $v4) (local.get $v8)) (i64.const 63)))

      ;; G(v1, v5, v9, v13, m[s2], m[s3])
      (local.set $v1 (i64.add (i64.add (local.get $v1) (local.get $v5))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=2 (local.get $s))))))
      (local.set $v13 (i64.rotr (i64.xor (local.get $v13) (local.get $v1)) (i64.const 32)))
      (local.set $v9 (i64.add (local.get $v9) (local.get $v13)))
      (local.set $v5 (i64.rotr (i64.xor (local.get $v5) (local.get $v9)) (i64.const 24)))
      (local.set $v1 (i64.add (i64.add (local.get $v1) (local.get $v5))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=3 (local.get $s))))))
      (local.set $v13 (i64.rotr (i64.xor (local.get $v13) (local.get $v1)) (i64.const 16)))
      (local.set $v9 (i64.add (local.get $v9) (local.get $v13)))
      (local.set $v5 (i64.rotr (i64.xor (local.get $v5) (local.get $v9)) (i64.const 63)))

      ;; G(v2, v6, v10, v14, m[s4], m[s5])
      (local.set $v2 (i64.add (i64.add (local.get $v2) (local.get $v6))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=4 (local.get $s))))))
      (local.set $v14 (i64.rotr (i64.xor (local.get $v14) (local.get $v2)) (i64.const 32)))
      (local.set $v10 (i64.add (local.get $v10) (local.get $v14)))
      (local.set $v6 (i64.rotr (i64.xor (local.get $v6) (local.get $v10)) (i64.const 24)))
      (local.set $v2 (i64.add (i64.add (local.get $v2) (local.get $v6))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=5 (local.get $s))))))
      (local.set $v14 (i64.rotr (i64.xor (local.get $v14) (local.get $v2)) (i64.const 16)))
      (local.set $v10 (i64.add (local.get $v10) (local.get $v14)))
      (local.set $v6 (i64.rotr (i64.xor (local.get $v6) (local.get $v10)) (i64.const 63)))

      ;; G(v3, v7, v11, v15, m[s6], m[s7])
      (local.set $v3 (i64.add (i64.add (local.get $v3) (local.get $v7))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=6 (local.get $s))))))
      (local.set $v15 (i64.rotr (i64.xor (local.get $v15) (local.get $v3)) (i64.const 32)))
      (local.set $v11 (i64.add (local.get $v11) (local.get $v15)))
      (local.set $v7 (i64.rotr (i64.xor (local.get $v7) (local.get $v11)) (i64.const 24)))
      (local.set $v3 (i64.add (i64.add (local.get $v3) (local.get $v7))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=7 (local.get $s))))))
      (local.set $v15 (i64.rotr (i64.xor (local.get $v15) (local.get $v3)) (i64.const 16)))
      (local.set $v11 (i64.add (local.get $v11) (local.get $v15)))
      (local.set $v7 (i64.rotr (i64.xor (local.get $v7) (local.get $v11)) (i64.const 63)))

      ;; G(v0, v5, v10, v15, m[s8], m[s9])
      (local.set $v0 (i64.add (i64.add (local.get $v0) (local.get $v5))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=8 (local.get $s))))))
      (local.set $v15 (i64.rotr (i64.xor (local.get $v15) (local.get $v0)) (i64.const 32)))
      (local.set $v10 (i64.add (local.get $v10) (local.get $v15)))
      (local.set $v5 (i64.rotr (i64.xor (local.get $v5) (local.get $v10)) (i64.const 24)))
      (local.set $v0 (i64.add (i64.add (local.get $v0) (local.get $v5))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=9 (local.get $s))))))
      (local.set $v15 (i64.rotr (i64.xor (local.get $v15) (local.get $v0)) (i64.const 16)))
      (local.set $v10 (i64.add (local.get $v10) (local.get $v15)))
      (local.set $v5 (i64.rotr (i64.xor (local.get $v5) (local.get $v10)) (i64.const 63)))

      ;; G(v1, v6, v11, v12, m[s10], m[s11])
      (local.set $v1 (i64.add (i64.add (local.get $v1) (local.get $v6))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=10 (local.get $s))))))
      (local.set $v12 (i64.rotr (i64.xor (local.get $v12) (local.get $v1)) (i64.const 32)))
      (local.set $v11 (i64.add (local.get $v11) (local.get $v12)))
      (local.set $v6 (i64.rotr (i64.xor (local.get $v6) (local.get $v11)) (i64.const 24)))
      (local.set $v1 (i64.add (i64.add (local.get $v1) (local.get $v6))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=11 (local.get $s))))))
      (local.set $v12 (i64.rotr (i64.xor (local.get $v12) (local.get $v1)) (i64.const 16)))
      (local.set $v11 (i64.add (local.get $v11) (local.get $v12)))
      (local.set $v6 (i64.rotr (i64.xor (local.get $v6) (local.get $v11)) (i64.const 63)))

      ;; G(v2, v7, v8, v13, m[s12], m[s13])
      (local.set $v2 (i64.add (i64.add (local.get $v2) (local.get $v7))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=12 (local.get $s))))))
      (local.set $v13 (i64.rotr (i64.xor (local.get $v13) (local.get $v2)) (i64.const 32)))
      (local.set $v8 (i64.add (local.get $v8) (local.get $v13)))
      (local.set $v7 (i64.rotr (i64.xor (local.get $v7) (local.get $v8)) (i64.const 24)))
      (local.set $v2 (i64.add (i64.add (local.get $v2) (local.get $v7))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=13 (local.get $s))))))
      (local.set $v13 (i64.rotr (i64.xor (local.get $v13) (local.get $v2)) (i64.const 16)))
      (local.set $v8 (i64.add (local.get $v8) (local.get $v13)))
      (local.set $v7 (i64.rotr (i64.xor (local.get $v7) (local.get $v8)) (i64.const 63)))

      ;; G(v3, v4, v9, v14, m[s14], m[s15])
      (local.set $v3 (i64.add (i64.add (local.get $v3) (local.get $v4))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=14 (local.get $s))))))
      (local.set $v14 (i64.rotr (i64.xor (local.get $v14) (local.get $v3)) (i64.const 32)))
      (local.set $v9 (i64.add (local.get $v9) (local.get $v14)))
      (local.set $v4 (i64.rotr (i64.xor (local.get $v4) (local.get $v9)) (i64.const 24)))
      (local.set $v3 (i64.add (i64.add (local.get $v3) (local.get $v4))
        (i64.load (i32.add (local.get $p) (i32.load8_u offset=15 (local.get $s))))))
      (local.set $v14 (i64.rotr (i64.xor (local.get $v14) (local.get $v3)) (i64.const 16)))
      (local.set $v9 (i64.add (local.get $v9) (local.get $v14)))
      (local.set $v4 (i64.rotr (i64.xor (local.get $v4) (local.get $v9)) (i64.const 63)))

      (local.set $s (i32.add (local.get $s) (i32.const 16)))
      (br_if $round (i32.lt_u (local.get $s) (i32.const 65984))))

    (i64.store offset=65536 (i32.const 0)
      (i64.xor (i64.load offset=65536 (i32.const 0)) (i64.xor (local.get $v0) (local.get $v8))))
    (i64.store offset=65544 (i32.const 0)
      (i64.xor (i64.load offset=65544 (i32.const 0)) (i64.xor (local.get $v1) (local.get $v9))))
    (i64.store offset=65552 (i32.const 0)
      (i64.xor (i64.load offset=65552 (i32.const 0)) (i64.xor (local.get $v2) (local.get $v10))))
    (i64.store offset=65560 (i32.const 0)
      (i64.xor (i64.load offset=65560 (i32.const 0)) (i64.xor (local.get $v3) (local.get $v11))))
    (i64.store offset=65568 (i32.const 0)
      (i64.xor (i64.load offset=65568 (i32.const 0)) (i64.xor (local.get $v4) (local.get $v12))))
    (i64.store offset=65576 (i32.const 0)
      (i64.xor (i64.load offset=65576 (i32.const 0)) (i64.xor (local.get $v5) (local.get $v13))))
    (i64.store offset=65584 (i32.const 0)
      (i64.xor (i64.load offset=65584 (i32.const 0)) (i64.xor (local.get $v6) (local.get $v14))))
    (i64.store offset=65592 (i32.const 0)
      (i64.xor (i64.load offset=65592 (i32.const 0)) (i64.xor (local.get $v7) (local.get $v15)))))

  ;; Starts a hash of $outLen bytes (1…64). With $keyLen > 0 (1…64), the key must already
  ;; be at INPUT: it becomes the first block, zero-padded (RFC 7693 §3.3).
  (func (export "init") (param $outLen i32) (param $keyLen i32)
    (memory.copy (i32.const 65536) (i32.const 65728) (i32.const 64))
    (i64.store offset=65536 (i32.const 0)
      (i64.xor (i64.load offset=65536 (i32.const 0))
        (i64.extend_i32_u (i32.or (i32.const 0x01010000)
          (i32.or (i32.shl (local.get $keyLen) (i32.const 8)) (local.get $outLen))))))
    (global.set $t (i64.const 0))
    (global.set $blockLen (i32.const 0))
    (memory.fill (i32.const 65600) (i32.const 0) (i32.const 128))
    (if (local.get $keyLen)
      (then
        (memory.copy (i32.const 65600) (i32.const 0) (local.get $keyLen))
        (global.set $blockLen (i32.const 128)))))

  ;; Absorbs the $len bytes (0…65536) at INPUT. The last block is kept pending in BLOCK,
  ;; since only final() knows it is the last.
  (func (export "update") (param $len i32)
    (local $p i32) (local $fill i32)
    (if (i32.eqz (local.get $len)) (then (return)))
    (local.set $fill (i32.sub (i32.const 128) (global.get $blockLen)))
    (if (i32.gt_u (local.get $len) (local.get $fill))
      (then
        (memory.copy (i32.add (i32.const 65600) (global.get $blockLen)) (i32.const 0) (local.get $fill))
        (global.set $t (i64.add (global.get $t) (i64.const 128)))
        (call $compress (i32.const 65600) (i32.const 0))
        (global.set $blockLen (i32.const 0))
        (local.set $p (local.get $fill))
        (local.set $len (i32.sub (local.get $len) (local.get $fill)))
        (block $done
          (loop $blocks
            (br_if $done (i32.le_u (local.get $len) (i32.const 128)))
            (global.set $t (i64.add (global.get $t) (i64.const 128)))
            (call $compress (local.get $p) (i32.const 0))
            (local.set $p (i32.add (local.get $p) (i32.const 128)))
            (local.set $len (i32.sub (local.get $len) (i32.const 128)))
            (br $blocks)))))
    (memory.copy (i32.add (i32.const 65600) (global.get $blockLen)) (local.get $p) (local.get $len))
    (global.set $blockLen (i32.add (global.get $blockLen) (local.get $len))))

  ;; Compresses the pending block as the last one; the digest is then the first outLen
  ;; bytes of STATE.
  (func (export "final")
    (global.set $t (i64.add (global.get $t) (i64.extend_i32_u (global.get $blockLen))))
    (memory.fill (i32.add (i32.const 65600) (global.get $blockLen)) (i32.const 0)
      (i32.sub (i32.const 128) (global.get $blockLen)))
    (call $compress (i32.const 65600) (i32.const 1))))
