#!/usr/bin/python3
"""Adadelta steps computed by torch.optim.Adadelta (PyTorch 1.13, float64) for jgrad.optim.AdadeltaTest.

Six weights take five steps; the gradient of each step is given (drawn once from a seeded NumPy generator,
with zeros to check that a zero gradient still decays the state). Each run writes lines
    run NAME lr rho eps
    w0 v...            the start
    g1 v... / w1 v...  the gradient of step 1 and the weights after it, and so on
    s v... / u v...    the state after the last step (square_avg, acc_delta)
Run `/usr/bin/python3 adadelta_torch.py > adadelta_torch.txt` to regenerate.
"""
import numpy as np
import torch

rng = np.random.default_rng(2012)
w0 = rng.normal(0, 1, 6)
grads = rng.normal(0, 2, (5, 6))
grads[2, 1] = 0.0
grads[3, :] = 0.0


def line(name, values):
    print(name, *[repr(float(v)) for v in values])


for name, lr, rho, eps in [("kim", 1.0, 0.95, 1e-6), ("torch-default", 1.0, 0.9, 1e-6), ("lr", 0.5, 0.8, 1e-3)]:
    print("run", name, repr(lr), repr(rho), repr(eps))
    w = torch.tensor(w0, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adadelta([w], lr=lr, rho=rho, eps=eps)
    line("w0", w.detach().numpy())
    for t, g in enumerate(grads, start=1):
        opt.zero_grad()
        w.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
        line("g%d" % t, g)
        line("w%d" % t, w.detach().numpy())
    state = opt.state[w]
    line("s", state["square_avg"].numpy())
    line("u", state["acc_delta"].numpy())
