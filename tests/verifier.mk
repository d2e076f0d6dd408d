# tests/verifier.mk - the differential tests of issue 5: ebpf-verify against this kernel's
# verifier. tests/verifier/*.s is the corpus (one program per file, the kernel's verdict in
# its "; kernel:" line); tests/corpus/verifier/*.s keeps the fuzz differential's findings.
# Refresh a recorded verdict with: tests/check_verifier --record tests/verifier/FILE.s
if HAVE_CHECK
check_PROGRAMS += tests/check_verifier
TESTS += tests/check_verifier
tests_check_verifier_SOURCES = tests/check_verifier.c
tests_check_verifier_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_check_verifier_LDADD = libtestutil.a libloader.a $(CORE_LIBS) $(CHECK_LIBS)
endif
EXTRA_DIST += tests/verifier tests/corpus/verifier
# Fuzz findings land here when the source tree is read-only (distcheck).
CLEANFILES += tests/verifier-fuzz-*.s
