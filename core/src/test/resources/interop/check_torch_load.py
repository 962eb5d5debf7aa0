"""Loads jgrad's exports into PyTorch modules and compares PyTorch's outputs with jgrad's.

Usage: /usr/bin/python3 check_torch_load.py SHARED_INTEROP_DIR EXPORT_DIR NAME...

EXPORT_DIR holds, for each NAME, in the layout of shared/interop: NAME.json (the architecture, whose "layers"
list of PyTorch module types picks the module below), NAME.safetensors (a jgrad model exported under PyTorch's
names by jgrad.interop.TorchMapping.save, F32), NAME.inputs.safetensors, and NAME.outputs.safetensors holding
jgrad's own outputs for those inputs: "<out>.f32" from the F32 model and "<out>.f64" from the same weights
widened to F64. For each NAME this script builds the PyTorch module, loads the file with
load_state_dict(strict=True) (so every name and shape must be PyTorch's), runs it in eval mode in float32 and,
after .double(), in float64, and compares each output elementwise, |torch - jgrad| <= abs + rel * |jgrad|:
f32 with 1e-4 + 1e-3 |x|, f64 with 1e-9 + 1e-7 |x| (the fixtures' tolerances). The files are read with the
fixtures' NumPy reader (safetensors_io.py, found through SHARED_INTEROP_DIR): PyTorch 1.13 has no safetensors
reader of its own. Prints one line per output and "ALL OK", or the failures; exits 1 when anything fails, 3
(saying why) when NumPy or PyTorch cannot be imported.
"""
import json
import os
import sys

try:
    import numpy as np
    import torch
    import torch.nn as nn
except ImportError as e:   # the caller skips, giving this reason
    print("NO TORCH: %s" % e)
    sys.exit(3)

sys.dont_write_bytecode = True
sys.path.insert(0, sys.argv[1])
import safetensors_io as st  # noqa: E402  (the fixtures' reader, found through argv[1])

TOL = {"f32": (1e-4, 1e-3), "f64": (1e-9, 1e-7)}


class Dot(nn.Module):
    def __init__(self, users, items, dim):
        super().__init__()
        self.user = nn.Embedding(users, dim)
        self.item = nn.Embedding(items, dim)
        self.out = nn.Linear(1, 1)

    def forward(self, inp):
        dot = (self.user(inp["user"]) * self.item(inp["item"])).sum(dim=1, keepdim=True)
        return {"dot": dot.squeeze(1), "r_hat": self.out(dot).squeeze(1)}


class LstmHead(nn.Module):
    def __init__(self, n_in, hidden, n_out):
        super().__init__()
        self.lstm = nn.LSTM(n_in, hidden, batch_first=True)
        self.fc = nn.Linear(hidden, n_out)

    def forward(self, inp):
        x = inp["x"]
        h_seq, (h_n, c_n) = self.lstm(x)
        state, cells = None, []
        for t in range(x.shape[1]):   # PyTorch returns no cell state per step: step it, carrying (h, c)
            _, state = self.lstm(x[:, t:t + 1], state)
            cells.append(state[1][0])
        return {"h": h_seq, "c": torch.stack(cells, dim=1), "h_n": h_n[0], "c_n": c_n[0], "y": self.fc(h_n[0])}


class GruHead(nn.Module):
    def __init__(self, n_in, hidden, n_out):
        super().__init__()
        self.gru = nn.GRU(n_in, hidden, batch_first=True)
        self.fc = nn.Linear(hidden, n_out)

    def forward(self, inp):
        h_seq, h_n = self.gru(inp["x"])
        return {"h": h_seq, "h_n": h_n[0], "y": self.fc(h_n[0])}


class AttentionPool(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.query = nn.Linear(n_in, n_out)

    @staticmethod
    def pool(x, q):
        alpha = torch.softmax(torch.bmm(x, q.unsqueeze(2)).squeeze(2), dim=1)
        return alpha, torch.bmm(alpha.unsqueeze(1), x).squeeze(1)

    def forward(self, inp):
        q = self.query(inp["h"])
        alpha, c = self.pool(inp["x"], q)
        alpha_raw, c_raw = self.pool(inp["x"], inp["h"])
        return {"q": q, "alpha": alpha, "c": c, "alpha_noproj": alpha_raw, "c_noproj": c_raw}


class Mlp(nn.Sequential):
    def __init__(self, n_in, hidden, n_out):
        super().__init__(nn.Flatten(), nn.Linear(n_in, hidden), nn.ReLU(), nn.Dropout(0.2), nn.Linear(hidden, n_out))

    def forward(self, inp):
        hidden = self[2](self[1](self[0](inp["x"])))
        return {"hidden": hidden, "logits": self[4](self[3](hidden))}


class Cnn(nn.Sequential):
    def __init__(self, channels, filters, k, n_flat, n_out):
        super().__init__(nn.Conv2d(channels, filters, k, padding=k // 2), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(n_flat, n_out))

    def forward(self, inp):
        conv = self[1](self[0](inp["x"]))
        pool = self[2](conv)
        return {"relu(conv)": conv, "pool": pool, "logits": self[4](self[3](pool))}


def build(types, w):
    """The PyTorch module of the architecture listed as `types`, sized by the weights' shapes."""
    s = {k: v.shape for k, v in w.items()}
    if types == ["torch.nn.Flatten", "torch.nn.Linear", "torch.nn.ReLU", "torch.nn.Dropout", "torch.nn.Linear"]:
        return Mlp(s["1.weight"][1], s["1.weight"][0], s["4.weight"][0])
    if types == ["torch.nn.Conv2d", "torch.nn.ReLU", "torch.nn.MaxPool2d", "torch.nn.Flatten", "torch.nn.Linear"]:
        o, c, k, _ = s["0.weight"]
        return Cnn(c, o, k, s["4.weight"][1], s["4.weight"][0])
    if types == ["torch.nn.Embedding", "torch.nn.Embedding", None, "torch.nn.Linear"]:
        return Dot(s["user.weight"][0], s["item.weight"][0], s["user.weight"][1])
    if types == ["torch.nn.LSTM", "torch.nn.Linear"]:
        return LstmHead(s["lstm.weight_ih_l0"][1], s["lstm.weight_hh_l0"][1], s["fc.weight"][0])
    if types == ["torch.nn.GRU", "torch.nn.Linear"]:
        return GruHead(s["gru.weight_ih_l0"][1], s["gru.weight_hh_l0"][1], s["fc.weight"][0])
    if types == ["torch.nn.Linear", None, None, None]:
        return AttentionPool(s["query.weight"][1], s["query.weight"][0])
    raise ValueError("no PyTorch module for the layers %s" % types)


def tensors(arrays, dtype):
    return {k: torch.from_numpy(np.array(v, dtype=dtype if v.dtype.kind == "f" else v.dtype)) for k, v in arrays.items()}


def check(export_dir, name):
    desc = json.load(open(os.path.join(export_dir, name + ".json")))
    weights, _ = st.load(os.path.join(export_dir, name + ".safetensors"))
    inputs, _ = st.load(os.path.join(export_dir, name + ".inputs.safetensors"))
    wanted, _ = st.load(os.path.join(export_dir, name + ".outputs.safetensors"))
    bad_dtypes = sorted(k for k, v in weights.items() if v.dtype != np.float32)
    model = build([layer.get("type") for layer in desc["layers"]], weights)
    model.load_state_dict(tensors(weights, np.float32), strict=True)   # every name and shape must be PyTorch's
    model.eval()
    lines, fails = [], ["%s: tensors not F32: %s" % (name, bad_dtypes)] if bad_dtypes else []
    for precision, dtype in (("f32", np.float32), ("f64", np.float64)):
        if precision == "f64":
            model.double()
        with torch.no_grad():
            got = model(tensors(inputs, dtype))
        absolute, relative = TOL[precision]
        for out, value in got.items():
            key = out + "." + precision
            if key not in wanted:
                fails.append("%s: jgrad wrote no %s" % (name, key))
                continue
            want = wanted[key].astype(np.float64)
            have = value.numpy().astype(np.float64)
            if have.shape != want.shape:
                fails.append("%s: %s has shape %s in PyTorch, %s in jgrad" % (name, key, have.shape, want.shape))
                continue
            err = np.abs(have - want)
            ok = bool(np.all(err <= absolute + relative * np.abs(want)))
            if not ok:
                fails.append("%s %s" % (name, key))
            lines.append("%s %s max|torch - jgrad| %.1e" % ("ok  " if ok else "FAIL", key, err.max()))
    print("%s (%s):\n  %s" % (name, type(model).__name__, "\n  ".join(lines)))
    return fails


def main():
    torch.set_num_threads(1)
    fails = []
    for name in sys.argv[3:]:
        fails += check(sys.argv[2], name)
    print("ALL OK" if not fails else "FAILED: " + "; ".join(fails))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
