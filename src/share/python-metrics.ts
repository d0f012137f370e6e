import type { PyHelper } from './python-helpers';

// The Python helpers an exported script uses to score the model as pipelab's evaluation steps do.

/** Metric helpers of the script, by key. */
export const METRIC_HELPERS: Readonly<Record<string, PyHelper>> = {
  show: {
    imports: ['json', 'sys'],
    code: `def show(results):
    """Prints the metrics one per line, or with --json as one JSON object (undefined values as null)."""
    text = results.pop("text", None)
    if "--json" in sys.argv[1:]:
        print(json.dumps(results))
        return
    for split in ("test", "train"):
        for name, value in results.get(split, {}).items():
            print(f"{split} {name}: {'undefined' if value is None else format(value, '.4f')}")
    if text:
        print(text)
    for cls, scores in results.get("report", {}).items():
        auc, ap = (("undefined" if v is None else format(v, ".4f")) for v in (scores["auc"], scores["averagePrecision"]))
        print(f"class {cls}: ROC AUC {auc}, average precision {ap}")`,
  },
  classification: {
    imports: ['sklearn.metrics:accuracy_score', 'sklearn.metrics:precision_recall_fscore_support'],
    code: `def class_probabilities(model, X):
    """Predicted probabilities, one column per class of the data in pipelab's order (0 for a class the
    model never saw), rounded to float32 as pipelab keeps them (so ties and log loss come out the same)."""
    proba, known = model.predict_proba(X), list(model.classes_)
    out = np.zeros((len(X), len(CLASSES)))
    for c, cls in enumerate(CLASSES):
        if cls in known:
            out[:, c] = proba[:, known.index(cls)]
    return out.astype(np.float32).astype(float)


def classification_scores(model, X, y, with_loss=True):
    """pipelab's classification metrics: accuracy, macro precision, recall and F1, and log loss (clipped at 1e-15)."""
    predicted = model.predict(X)
    precision, recall, f1, _ = precision_recall_fscore_support(y, predicted, average="macro", zero_division=0)
    scores = dict(accuracy=accuracy_score(y, predicted), precision=precision, recall=recall, f1=f1)
    if with_loss:
        truth = class_probabilities(model, X)[np.arange(len(y)), [CLASSES.index(v) for v in y]]
        scores["logLoss"] = -np.mean(np.log(np.clip(truth, 1e-15, 1 - 1e-15)))
    return {name: float(v) for name, v in scores.items()}


def evaluate(model, X_train, y_train, X_test, y_test):
    """pipelab's Classification metrics step: scores on the test rows and on the training rows."""
    return {"test": classification_scores(model, X_test, y_test), "train": classification_scores(model, X_train, y_train)}`,
  },
  report: {
    imports: ['sklearn.metrics:average_precision_score', 'sklearn.metrics:classification_report', 'sklearn.metrics:roc_auc_score'],
    needs: ['classification'],
    code: `def add_report(results, model, X, y):
    """pipelab's classification report on the test rows: per class precision, recall, F1, support, and ROC AUC and
    average precision of that class against the rest; the test AUC is their macro mean (two classes: the second's)."""
    results = dict(results, test=results.get("test") or classification_scores(model, X, y, with_loss=False))
    proba, predicted = class_probabilities(model, X), model.predict(X)
    per_class = precision_recall_fscore_support(y, predicted, labels=CLASSES, average=None, zero_division=0)
    report = {}
    for c, cls in enumerate(CLASSES):
        positive = np.array([v == cls for v in y])
        auc = float(roc_auc_score(positive, proba[:, c])) if 0 < positive.sum() < len(y) else None
        ap = float(average_precision_score(positive, proba[:, c])) if positive.any() else None
        precision, recall, f1, support = (float(s[c]) for s in per_class)
        report[cls] = dict(precision=precision, recall=recall, f1=f1, support=int(support), auc=auc, averagePrecision=ap)
    used = [CLASSES[1]] if len(CLASSES) == 2 else [c for c in CLASSES if report[c]["auc"] is not None]
    aucs = [report[c]["auc"] for c in used]
    auc = None if None in aucs else sum(aucs) / max(1, len(aucs))
    text = classification_report(y, predicted, labels=CLASSES, digits=4, zero_division=0)
    return dict(results, test=dict(results["test"], auc=auc), report=report, text=text)`,
  },
  regression: {
    imports: ['math', 'sklearn.metrics:mean_absolute_error', 'sklearn.metrics:mean_squared_error', 'sklearn.metrics:r2_score'],
    code: `def regression_scores(model, X, y):
    """pipelab's regression metrics: mean squared error, its root, mean absolute error and R²."""
    predicted = model.predict(X)
    mse = float(mean_squared_error(y, predicted))
    return dict(mse=mse, rmse=math.sqrt(mse), mae=float(mean_absolute_error(y, predicted)), r2=float(r2_score(y, predicted)))


def evaluate(model, X_train, y_train, X_test, y_test):
    """pipelab's Regression metrics step: scores on the test rows and on the training rows."""
    return {"test": regression_scores(model, X_test, y_test), "train": regression_scores(model, X_train, y_train)}`,
  },
};
