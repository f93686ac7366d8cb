"""``mode="reduce-overhead"``: a compiled plan replayed as one CUDA graph.

A GPU step of small layers is bound by kernel launches: each op costs a few
microseconds of Python and of the driver, the kernels themselves less. A CUDA graph
records every kernel a plan launches once and replays them with one call.

How a plan (a branch without graph breaks, or one half of a training step) becomes a
graph, on the cupy backend:

1. **Warm-up.** The first run is an ordinary one: CuPy compiles its kernels, cuBLAS
   makes its handles, and the address of every input is noted.
2. **Capture.** The second run is recorded on a private stream into a graph. Inputs at
   the same address as in the warm-up (parameters, updated in place between steps) are
   read where they are; the others get a buffer of their own, and each replay copies
   the call's input into it. Every allocation of the capture comes from a memory pool
   that belongs to the graph alone, so no other array is ever given memory the graph
   writes.
3. **Replay.** Copy the moving inputs into their buffers, launch the graph on the
   current stream, and copy each result the caller reads into a fresh array (a replay
   overwrites the graph's own buffers; results handed out never change afterwards).

An input at a new address where the graph reads in place, a new shape (dynamic
shapes) or dtype records the graph again, at most ``RECAPTURE_LIMIT`` times. A plan
that cannot be captured (a step that reads a value to the host, a library call CUDA
cannot record) runs as before, without a graph, with one warning. Random draws,
in-place writes and graph breaks never take this path: they keep the plain replay.
On the CPU backends ``reduce-overhead`` is the default mode.
"""

from __future__ import annotations

import threading
import warnings

from .._dispatch import wrap

RECAPTURE_LIMIT = 4


def _raw_of(value):
    import cupy

    raw = getattr(value, "_data", None)
    return raw if isinstance(raw, cupy.ndarray) else None


def _where(raw):
    return (raw.data.ptr, raw.shape, raw.strides, raw.dtype.str)


class CudaGraphPlan:
    """The graph state of one plan: warm-up, captured, or off."""

    def __init__(self, name, calls):
        self.name = name
        self.calls = calls  # the plan's calls this state belongs to
        self.lock = threading.Lock()  # one replay at a time: they share the graph's buffers
        self.done = None  # an event after the last replay's copies
        self.off = False
        self.graph = None
        self.captures = 0
        self.seen = None  # {Ref: _where(raw)} of the warm-up
        self.moving = set()  # input Refs copied into buffers of their own

    def run(self, calls, env, needed):
        """Run ``calls`` on ``env``; afterwards ``env`` holds every Ref of ``needed``."""
        if self.off:
            return _plain(calls, env)
        inputs = {}
        for ref, value in env.items():
            raw = _raw_of(value)
            if raw is None:
                self.off = True  # (a value that is no GPU tensor: nothing to record)
                return _plain(calls, env)
            inputs[ref] = raw
        with self.lock:
            if self.graph is not None and not self._matches(inputs):
                # an input read in place moved, or a shape or dtype changed: record anew,
                # copying every input whose address differs from the last recording
                self.seen = self.where
                self.graph = None
            if self.graph is None:
                if self.seen is None or self.captures >= RECAPTURE_LIMIT:
                    if self.captures >= RECAPTURE_LIMIT:
                        self.off = True
                    self.seen = {ref: _where(raw) for ref, raw in inputs.items()}
                    return _plain(calls, env)
                self.moving |= {ref for ref, raw in inputs.items()
                                if self.seen.get(ref) != _where(raw)}
                if not self._capture(calls, env, inputs, needed):
                    return _plain(calls, env)
            self._replay(env, inputs)

    # ------------------------------------------------------------------ capture
    def _matches(self, inputs):
        if inputs.keys() != self.where.keys():
            return False
        for ref, raw in inputs.items():
            want = self.where[ref]
            if ref in self.moving:
                if want[1:] != _where(raw)[1:]:
                    return False
            elif want != _where(raw):
                return False
        return True

    def _capture(self, calls, env, inputs, needed):
        import cupy

        self.captures += 1
        pool = cupy.cuda.MemoryPool()
        stream = cupy.cuda.Stream(non_blocking=True)
        current = cupy.cuda.get_current_stream()
        static = {}
        with cupy.cuda.using_allocator(pool.malloc):
            for ref in self.moving & inputs.keys():
                static[ref] = cupy.empty_like(inputs[ref])
        stream.wait_event(current.record())
        scratch = {}
        for ref, value in env.items():
            scratch[ref] = wrap(static[ref]) if ref in static else value
        graph = None
        failure = None
        with cupy.cuda.using_allocator(pool.malloc), stream:
            stream.begin_capture()
            try:
                for call in calls:
                    call(scratch)
            except Exception as exc:  # noqa: BLE001 - what CUDA refuses to record varies
                failure = exc
            finally:
                try:
                    graph = stream.end_capture()
                except Exception as exc:  # noqa: BLE001
                    failure = failure or exc
                    graph = None
        outputs = {}
        if failure is None:
            for ref in needed:
                if ref in env or ref not in scratch:
                    continue  # (an input, or a value the plan does not make)
                raw = _raw_of(scratch.get(ref))
                if raw is None:
                    failure = TypeError(f"{ref} is no GPU tensor")
                    break
                outputs[ref] = raw
        if failure is not None or graph is None:
            self.off = True
            warnings.warn(f"bridge.compile: mode='reduce-overhead' could not record {self.name} "
                          f"as a CUDA graph ({failure}); it runs without one", RuntimeWarning,
                          stacklevel=6)
            return False
        self.graph, self.pool, self.stream = graph, pool, stream
        self.static, self.outputs = static, outputs
        self.where = {ref: _where(raw) for ref, raw in inputs.items()}
        # the inputs read in place stay alive as long as the graph that reads them
        self.held = [inputs[ref] for ref in inputs if ref not in static]
        return True

    # ------------------------------------------------------------------ replay
    def _replay(self, env, inputs):
        import cupy

        current = cupy.cuda.get_current_stream()
        if self.done is not None:
            current.wait_event(self.done)  # (a replay of another thread's stream)
        for ref, buffer in self.static.items():
            _copy(buffer, inputs[ref], current)
        self.graph.launch(stream=current)
        for ref, raw in self.outputs.items():
            out = cupy.empty_like(raw)
            _copy(out, raw, current)
            env[ref] = wrap(out)
        self.done = current.record()


def _copy(dst, src, stream):
    import cupy

    if dst.flags.c_contiguous and src.flags.c_contiguous:
        cupy.cuda.runtime.memcpyAsync(dst.data.ptr, src.data.ptr, src.nbytes,
                                      cupy.cuda.runtime.memcpyDeviceToDevice, stream.ptr)
    else:
        cupy.copyto(dst, src)


def _plain(calls, env):
    for call in calls:
        call(env)


def graphable(holder) -> bool:
    """Whether a branch or part may be replayed as a graph: no graph break after it, no
    in-place write and no random draw in it, on the cupy backend."""
    from ..backends import state

    if state().selected != "cupy" or getattr(holder, "read", None) is not None:
        return False
    if getattr(holder, "has_inplace", False):
        return False
    return not any(step.name.startswith("random:") for step in holder.steps)


def run_graphed(holder, calls, env, needed, name):
    graphs = getattr(holder, "graphs", None)
    if graphs is None or graphs.calls is not calls:  # (a new plan: its own graph)
        graphs = holder.graphs = CudaGraphPlan(name, calls)
    graphs.run(calls, env, needed)


__all__ = ["CudaGraphPlan", "graphable", "run_graphed", "RECAPTURE_LIMIT"]
