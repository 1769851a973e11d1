#!/bin/bash
# t030-kill-resume: the quick version of tests/reliability/kill-resume.sh
# (`make stress` runs the long one): 12 trials of SIGKILL at a random
# moment during a scripted session, with a fixed seed so the suite is
# repeatable; after each, integrity_check is ok, every confirmed turn is
# stored and `crmsim play --resume` finishes the session as an
# uninterrupted run would.
cd "$(dirname "$0")/../.." || exit 1
exec bash tests/reliability/kill-resume.sh 12 "${CRMSIM_KILL_SEED:-20240}"
