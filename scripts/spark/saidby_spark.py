"""Run saidby on Apache Spark: the routes docs/spark.md recommends, as code that is tested.

`saidby_partitions` is a mapPartitions function: it starts `saidby run - --stdout jsonl` once
per partition, feeds it the partition's JSONL lines and yields saidby's records, and it fails
the task (so Spark retries it) when saidby exits non-zero or gives other than one record per
document. Use it as

    sc.addFile("/path/to/saidby")                      # or spark-submit --files saidby
    lines = sc.textFile("articles/*.jsonl").zipWithIndex()
    records = lines.mapPartitions(saidby_partitions())  # JSON strings, one per document
    spark.read.json(records).write.parquet("quotes/")

Run as a program, it is the check tests/spark.rs makes (Spark in local mode):

    python saidby_spark.py --binary /abs/path/saidby --input in.jsonl --out DIR

writes DIR/mapPartitions.jsonl (the recommended wrapper), DIR/pipe.jsonl (rdd.pipe with an
absolute path, an environment and checkCode=True) and DIR/traps.json (what rdd.pipe does by
default: the environment it gives the program, and what an unchecked crash looks like).
"""

import argparse
import json
import os
import subprocess
import sys
import threading

# saidby skips lines of ASCII white space only (Rust's is_ascii_whitespace): so does the wrapper.
BLANK = " \t\n\x0c\r"


def saidby_partitions(binary=None, args=(), env=None):
    """A function for rdd.mapPartitions: JSONL lines in, saidby's JSONL records out.

    Elements are JSONL lines (str), or (line, index) pairs from rdd.zipWithIndex(): then each
    record's "line" is the line's number in the whole input (index + 1), as a run over the
    whole file gives, instead of its number within the partition.

    binary: saidby's absolute path on the executors; default: the file shipped as "saidby"
    (sc.addFile or spark-submit --files). args: more `saidby run` options (--gazetteer ...).
    env: the program's environment; default: the executor's own.
    """

    def run(elements):
        path = binary
        if path is None:
            from pyspark import SparkFiles

            path = SparkFiles.get("saidby")
        if not os.access(path, os.X_OK):
            os.chmod(path, 0o755)
        elements = iter(elements)
        # Indices of the lines fed to saidby, when the input has them: one record each.
        numbers = []
        first = _next_document(elements, numbers)
        if first is None:
            return  # an empty partition: start nothing
        cmd = [path, "run", "-", "--stdout", "jsonl", "--quiet", *args]
        proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        fed = [0]
        broken = []

        def feed():
            try:
                line = first
                while line is not None:
                    proc.stdin.write(line.encode("utf-8") + b"\n")
                    fed[0] += 1
                    line = _next_document(elements, numbers)
                proc.stdin.close()
            except BrokenPipeError as e:  # saidby stopped reading: its exit code says why
                broken.append(e)
            except BaseException as e:  # the input failed: the task must fail too
                broken.append(e)
                proc.kill()

        err = []
        feeder = threading.Thread(target=feed, daemon=True)
        drain = threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True)
        feeder.start()
        drain.start()
        records = 0
        for out in proc.stdout:
            record = out.decode("utf-8").rstrip("\n")
            if numbers and records < len(numbers):
                rec = json.loads(record)
                rec["line"] = numbers[records] + 1
                record = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
            records += 1
            yield record
        code = proc.wait()
        feeder.join()
        drain.join()
        stderr = b"".join(err).decode("utf-8", "replace")[-4000:]
        if code != 0:
            raise RuntimeError(f"saidby exited with code {code}: {stderr}")
        if broken and not isinstance(broken[0], BrokenPipeError):
            raise broken[0]
        if records != fed[0]:
            raise RuntimeError(
                f"saidby gave {records} records for {fed[0]} documents: {stderr}"
            )

    return run


def _next_document(elements, numbers):
    """The next line that is no blank line (its index kept in `numbers`), or None."""
    for e in elements:
        if isinstance(e, tuple):
            line, index = e
        else:
            line, index = e, None
        if line.strip(BLANK):
            if index is not None:
                numbers.append(index)
            return line
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", required=True, help="saidby, an absolute path")
    ap.add_argument("--input", required=True, help="a JSONL file of articles")
    ap.add_argument("--out", required=True, help="a folder for the records")
    ap.add_argument("--partitions", type=int, default=4)
    a = ap.parse_args()
    # Executors' Python workers must be this interpreter (the one with pyspark).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("saidby-check")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    os.makedirs(a.out, exist_ok=True)

    def write(name, rows):
        with open(os.path.join(a.out, name), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(r + "\n")

    # The recommended route: the binary shipped to the executors, a mapPartitions wrapper.
    sc.addFile(a.binary)
    lines = sc.textFile(a.input, minPartitions=a.partitions)
    partitions = lines.getNumPartitions()
    records = lines.zipWithIndex().mapPartitions(saidby_partitions(args=["--jobs", "1"])).cache()
    write("mapPartitions.jsonl", records.collect())
    # The records as tables (docs/spark.md): one row per quote, per mention, per failed line.
    from pyspark.sql import functions as F

    docs = spark.read.json(records)
    tables = {
        "quotes": docs.select(F.explode("quotes").alias("q")).select("q.*"),
        "mentions": docs.select(F.explode("mentions").alias("m")).select("m.*"),
        "errors": docs.where(F.col("error").isNotNull()),
    }
    frames = {k: {"rows": t.count(), "columns": t.columns} for k, t in tables.items()}

    # rdd.pipe made safe: an absolute path, an environment, checkCode=True; blank lines out.
    cmd = f"{a.binary} run - --stdout jsonl --quiet"
    docs = lines.filter(lambda line: line.strip(BLANK))
    write("pipe.jsonl", docs.pipe(cmd, env={"LC_ALL": "C.UTF-8"}, checkCode=True).collect())

    # The traps of rdd.pipe's defaults.
    one = sc.parallelize(["x"], 1)
    traps = {"partitions": partitions, "dataframes": frames}
    traps["pipe_default_env"] = one.pipe("/usr/bin/env").collect()
    traps["pipe_default_env_with_path"] = one.pipe("/usr/bin/env", env={"PATH": "/usr/bin:/bin"}).collect()
    # A program that writes some rows and then fails, as a crash halfway does.
    crash = "/bin/sh -c 'head -n 2; exit 3'"
    rows = sc.parallelize([f"row {i}" for i in range(5)], 1)
    traps["unchecked_crash_rows"] = rows.pipe(crash).collect()
    try:
        traps["checked_crash_rows"] = rows.pipe(crash, checkCode=True).collect()
    except Exception as e:  # Spark's error, from the failed task
        traps["checked_crash_error"] = type(e).__name__ + ": " + str(e)[:3000]
    # The wrapper fails the task on a non-zero exit: a bad gazetteer makes saidby exit 2.
    bad = saidby_partitions(a.binary, ["--gazetteer", "/nonexistent/saidby.tsv"])
    try:
        traps["wrapper_failed_rows"] = sc.parallelize(['{"id":"a","text":"A."}'], 1).mapPartitions(bad).collect()
    except Exception as e:
        traps["wrapper_failed_error"] = type(e).__name__ + ": " + str(e)[:3000]
    with open(os.path.join(a.out, "traps.json"), "w", encoding="utf-8") as f:
        json.dump(traps, f, indent=1)
    spark.stop()


if __name__ == "__main__":
    main()
