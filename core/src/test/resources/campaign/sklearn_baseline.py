#!/usr/bin/python3
"""The logistic-regression baseline of ./jgrad campaign computed by scikit-learn, independently of jgrad:
5-fold cross-validated ROC AUC on the bundled bank clients without `duration`, the preprocessing fitted on
each training part only (median imputation + standardization of the numbers, one-hot categories).

    /usr/bin/python3 core/src/test/resources/campaign/sklearn_baseline.py   (scikit-learn 1.2.1)
"""
import sys

import csv

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

path = sys.argv[1] if len(sys.argv) > 1 else "examples/src/main/resources/data/bank-marketing/bank-additional.csv"
with open(path, newline="") as f:
    rows = list(csv.reader(f, delimiter=";"))
header, rows = rows[0], rows[1:]
numeric = ["age", "campaign", "pdays", "previous", "emp.var.rate", "cons.price.idx", "cons.conf.idx", "euribor3m",
           "nr.employed"]
categorical = ["job", "marital", "education", "default", "housing", "loan", "contact", "month", "day_of_week",
               "poutcome"]
column = {name: i for i, name in enumerate(header)}
x = np.array([[float(r[column[c]]) for c in numeric] + [r[column[c]] for c in categorical] for r in rows],
             dtype=object)
y = np.array([r[column["y"]] == "yes" for r in rows], dtype=int)
prep = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), list(range(len(numeric)))),
    ("cat", OneHotEncoder(handle_unknown="ignore"), list(range(len(numeric), len(numeric) + len(categorical))))])
for c in [1.0, 0.1]:
    model = make_pipeline(prep, LogisticRegression(C=c, max_iter=2000))
    for name, cv in [("KFold(shuffle, seed 1)", KFold(5, shuffle=True, random_state=1)),
                     ("StratifiedKFold(shuffle, seed 1)", StratifiedKFold(5, shuffle=True, random_state=1))]:
        auc = cross_val_score(model, x, y, cv=cv, scoring="roc_auc")
        print(f"C={c} {name}: ROC AUC {auc.mean():.4f} ± {auc.std(ddof=1):.4f} {[round(a, 4) for a in auc]}")
