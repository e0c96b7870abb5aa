package dev.devq;

import dev.devq.calibrate.AccuracyReport;
import dev.devq.calibrate.Measurements;
import dev.devq.kb.KnowledgeBase;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.plot.Plots;
import dev.devq.query.check.Completions;
import dev.devq.query.eval.Engine;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Session;
import dev.devq.search.LuceneStart;
import dev.devq.search.SearchIndex;
import dev.devq.view.AccuracyText;
import dev.devq.view.InfoView;
import dev.devq.view.ListView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * devq as a library: load the knowledge base once, then run queries and ask about devices, SoCs,
 * ops and models. Everything the command line, the REPL and review documents show comes from here,
 * as result objects with a text and a JSON form; the engine behind them stays hidden.
 *
 * <pre>{@code
 * Devq devq = Devq.load();
 * Run r = devq.eval("latency(mobilenet_v2, a16, throttled) < 33ms");
 * r.outcomes().get(0).text(false)   // "PASS  latency(mobilenet_v2, a16, throttled) < 33ms …"
 * }</pre>
 *
 * Thread-safe after loading: every evaluation works on immutable data and its own bindings.
 */
public final class Devq {
  /**
   * The largest size {@code devq import --dim NAME=VALUE} binds a dynamic dimension to: the largest
   * axis a model description may have ({@link dev.devq.model.ModelLimits#MAX_AXIS}).
   */
  public static final long MAX_DIMENSION = dev.devq.model.ModelLimits.MAX_AXIS;

  private final Engine engine;
  private final Interpreter interpreter;
  private final Completions completions;
  private final Searches searches;

  /** The version of the shipped profiles alone; {@link #version} when there are no overlays. */
  private final String shippedVersion;

  /** The overlay folders loaded on top of the shipped profiles, in order. */
  private final List<Path> overlays;

  private Devq(EngineLoader.Loaded loaded, List<Path> overlays) {
    this.engine = loaded.engine();
    this.shippedVersion = loaded.shippedVersion();
    this.overlays = List.copyOf(overlays);
    this.interpreter = new Interpreter(engine);
    this.completions = new Completions(engine.resolver());
    this.searches = new Searches(engine);
  }

  private Devq(Devq loaded, BooleanSupplier stop) {
    this.engine = loaded.engine;
    this.shippedVersion = loaded.shippedVersion;
    this.overlays = loaded.overlays;
    this.interpreter = new Interpreter(engine, stop);
    this.completions = loaded.completions;
    this.searches = loaded.searches;
  }

  /**
   * This knowledge base, its evaluations stopping at their next step once {@code stop} is true
   * (another thread may set it: {@code devq.stoppingWhen(ctrlC::get)}): the statement fails with
   * {@code error[INTERRUPTED]}, the rest of the input does not run, and bindings stay as given.
   */
  public Devq stoppingWhen(BooleanSupplier stop) {
    return new Devq(this, stop);
  }

  /** Loads the shipped profiles. */
  public static Devq load() throws LoadException {
    return load(List.of());
  }

  /**
   * Loads the shipped profiles, then each overlay directory on top (same id replaces). The shipped
   * profiles come from the snapshot the build made of them when it matches them; overlays are
   * always read from YAML, and only the models they bring are built now.
   */
  public static Devq load(List<Path> overlays) throws LoadException {
    Path shipped = ProfileRoots.shipped();
    Snapshot snapshot = Snapshot.shipped(shipped);
    Devq devq = snapshot == null ? fromYaml(shipped, overlays) : fromSnapshot(snapshot, overlays);
    Set<String> words = Prefetch.queryWords();
    if (words != null) {
      // the names and the costs a query meets first, readied on a spare core while it is parsed
      // and checked; what the query needs sooner it makes itself, or waits for
      Snapshot.daemon("devq-query-ahead", () -> QueryAhead.afterLoad(devq.engine, words));
    }
    return devq;
  }

  /**
   * Starts reading the shipped knowledge base on a second thread, for a one-shot command that will
   * {@link #load} it once it has parsed its command line (a load that comes first waits for it;
   * profiles on disk that are not the snapshot's are read from YAML as without it). A third thread
   * meanwhile does, for {@code search}, Lucene's own set-up ({@link LuceneStart}); otherwise what a
   * query's first evaluation meets cold: the parser, the defaults of the built-in functions and the
   * zoo models that words of {@code args} name, and then the unit registry.
   */
  public static void prefetch(boolean search, List<String> args) {
    Prefetch.start(search ? index -> {} : null, args);
  }

  /**
   * {@link #prefetch} for {@code devq search QUERY} with no option: once the index is open, the
   * thread that opened it goes on to read what marking the hits of {@code query} asks of the index
   * ({@link SearchIndex#readAhead}), while the command's own thread ranks the matches, which takes
   * longer and needs none of it.
   */
  public static void prefetchSearch(String query) {
    Prefetch.start(index -> index.readAhead(query), List.of());
  }

  /** Every profile read from YAML and every zoo model built ({@link EngineLoader#fromYaml}). */
  static Devq fromYaml(Path shipped, List<Path> overlays) throws LoadException {
    return new Devq(EngineLoader.fromYaml(shipped, overlays), overlays);
  }

  /**
   * The snapshot's knowledge base with the overlays merged in ({@link EngineLoader#fromSnapshot}).
   */
  static Devq fromSnapshot(Snapshot snapshot, List<Path> overlays) throws LoadException {
    return new Devq(EngineLoader.fromSnapshot(snapshot, overlays), overlays);
  }

  /** The engine behind the facade; package-private so only tests of the engine reach it. */
  Engine engine() {
    return engine;
  }

  Interpreter interpreter() {
    return interpreter;
  }

  /** Evaluates query text on its own. */
  public Run eval(String text) {
    return run(new SourceText("<query>", text), Bindings.EMPTY);
  }

  /**
   * Runs every statement of a source with the given bindings. Each statement stands alone: every
   * error is reported and the statements without one still run (files, documents).
   */
  public Run run(SourceText source, Bindings bindings) {
    return run(source, bindings, false);
  }

  /**
   * Like {@link #run}, but any error discards the whole input and keeps the old bindings (REPL).
   */
  public Run runAtomically(SourceText source, Bindings bindings) {
    return run(source, bindings, true);
  }

  /**
   * Like {@link #run}, for a query file or a review document's block, whose top-level booleans are
   * its checks: a top-level list of booleans is an error (a false in it would not fail), and a
   * table with a boolean column a warning ({@link Run#warnings()}). A {@code let} of a boolean
   * waits for a later statement, maybe of a later block, to read it; {@link Run#ended()} on the
   * file's last run reports each that none did.
   */
  public Run runFile(SourceText source, Bindings bindings) {
    return facade(source, interpreter.runFile(source, bindings.session()));
  }

  private Run run(SourceText source, Bindings bindings, boolean atomic) {
    return facade(source, interpreter.run(source, bindings.session(), atomic));
  }

  private static Run facade(SourceText source, Interpreter.Run run) {
    return new Run(
        new Bindings(run.session()),
        run.outcomes().stream().map(o -> new Outcome(o, source)).toList(),
        run.diagnostics(),
        run.warnings());
  }

  /** The per-layer breakdown of the estimate an expression computes ({@code devq explain}). */
  public Explanation explain(SourceText source, Bindings bindings) {
    Interpreter.Explained x = interpreter.explain(source, bindings.session());
    return Explanation.of(x);
  }

  /**
   * A chart of query results ({@code devq plot}, plot fences, {@code :plot}): a sweep of an
   * expression over a range, list or set, or the timeline or roofline of an estimate.
   */
  public Figure plot(PlotRequest req, Bindings bindings) {
    Session session = bindings.session();
    Plots.Plotted p =
        switch (req.kind()) {
          case SWEEP ->
              Plots.sweep(
                  interpreter, session, req.expr(), req.overSource(), req.over(), req.title());
          case TIMELINE -> Plots.timeline(interpreter, session, req.expr(), req.title());
          case ROOFLINE -> Plots.roofline(interpreter, session, req.expr(), req.title());
        };
    return new Figure(
        p.chart(), p.diagnostics(), p.leftOut(), new Bindings(session.read(p.reads())));
  }

  /** What may come at {@code cursor} in query text, given the bindings. */
  public Completion complete(String text, int cursor, Bindings bindings) {
    Completions.Result r = completions.at(text, cursor, bindings.session().types());
    return new Completion(
        r.start(),
        r.candidates().stream()
            .map(c -> new Completion.Candidate(c.word(), c.group(), c.description()))
            .toList());
  }

  /** A hash of every profile file read: results computed with other profiles are stale. */
  public String version() {
    return engine.kb().version();
  }

  /**
   * The {@link #version} of the shipped profiles alone: a review document records it beside the
   * version when overlays were loaded, so a result gone stale by adding or leaving out {@code
   * --profiles} can say so.
   */
  public String shippedVersion() {
    return shippedVersion;
  }

  /** The profile folders loaded on top of the shipped ones ({@code --profiles}), in order. */
  public List<Path> overlays() {
    return overlays;
  }

  /** What is loaded, in a line: {@code 23 SoCs, 67 devices, 36 models, 130 ops}. */
  public String contents() {
    KnowledgeBase kb = engine.kb();
    return kb.socs().size()
        + " SoCs, "
        + kb.devices().size()
        + " devices, "
        + kb.models().size()
        + " models, "
        + kb.ops().size()
        + " ops";
  }

  /** Whether {@code name} is a model of the zoo (it is called like a function). */
  public boolean isModel(String name) {
    return engine.kb().models().containsKey(name);
  }

  /** Whether {@code name} is an id or alias of a SoC, device, op or model. */
  public boolean isEntity(String name) {
    return engine.kb().lookup(name) != null;
  }

  /** {@code devq info ID}: an entity, budget, constant or source with every field and source. */
  public Answer info(String id) {
    var view = new InfoView(engine, id);
    String text = view.text();
    if (text != null) {
      return Answer.of(text, view::json);
    }
    if (!view.callProblems().isEmpty()) {
      return Answer.failed(view.callProblems());
    }
    List<String> why = view.notFound();
    return Answer.refused(DiagnosticCode.UNKNOWN_NAME, "<id>", id, why.get(0), why.get(1));
  }

  /**
   * {@code devq list KIND} for {@code socs}, {@code devices}, {@code models}, {@code ops}, {@code
   * budgets} or {@code sources}.
   */
  public Answer list(String kind) {
    if (!ListView.KINDS.contains(kind)) {
      return Answer.refused(
          DiagnosticCode.BAD_VALUE,
          "<kind>",
          kind,
          "no list of '" + kind + "'; try " + ListView.KINDS);
    }
    var view = new ListView(engine.kb(), kind);
    return Answer.of(view.text(), view::json);
  }

  /**
   * Opens the search index on a daemon thread and runs representative searches through it ({@link
   * SearchWarmUp}), so that the first search of an interactive session finds Lucene open and the
   * search path's code loaded and compiled instead of paying for both while the user waits. The
   * warm-up stops at the session's first own search, or when the returned future is cancelled (the
   * REPL's first line); the index is opened once, and a search that comes before that opening is
   * done waits for it rather than making its own. The answers are an unwarmed session's.
   *
   * @return completed when the warm-up has run or stopped; a failure is left for the user's own
   *     search to report, with its message, since the same opening fails again there
   */
  public CompletableFuture<Void> warmSearch() {
    return searches.warm();
  }

  /** {@code devq search QUERY}: op support grids, or the devices, SoCs and models it names. */
  public Answer search(String query, SearchOptions options) {
    return searches.search(query, options);
  }

  /**
   * Predictions against the measurements of a CSV ({@code devq validate}); with {@code
   * holdoutColumn}, each group of rows is predicted by a fit on the others.
   */
  public ValidationReport validate(Path csv, String holdoutColumn) {
    return validate(List.of(csv), holdoutColumn);
  }

  /** {@link #validate(Path, String)} on the rows of several CSVs together, in order. */
  public ValidationReport validate(List<Path> csv, String holdoutColumn) {
    return ValidationReport.of(interpreter, csv, holdoutColumn);
  }

  /**
   * {@code devq validate --report}: in-sample and held-out error (each {@code column} group
   * predicted by a fit on the others), by fidelity, source, compute units and model family.
   */
  public Answer accuracy(List<Path> csv, String column) {
    Measurements m = Measurements.read(csv);
    if (m.rows().isEmpty() && !m.diagnostics().isEmpty()) {
      return Answer.failed(m.diagnostics());
    }
    AccuracyReport a = AccuracyReport.run(interpreter, m, column);
    if (!a.diagnostics().isEmpty()) {
      return Answer.failed(a.diagnostics());
    }
    return Answer.of(AccuracyText.text(a), () -> AccuracyText.json(a));
  }

  /**
   * Fits the cost model's constants to the measurements of CSVs, read together (the shared
   * calibration file and measurements cited in the profiles), without writing them; {@code
   * maxIterations} caps the fitter's iterations (the fit and each held-out group's), and {@link
   * Calibration#converged()} says whether the fit stopped before it.
   */
  public Calibration calibrate(List<Path> csv, int maxIterations) {
    return new Calibration(interpreter, engine.costModel(), csv, maxIterations, false);
  }

  /** {@link #calibrate} keeping the constants in force: only their 80% range is recomputed. */
  public Calibration recomputeRanges(List<Path> csv, int maxIterations) {
    return new Calibration(interpreter, engine.costModel(), csv, maxIterations, true);
  }

  /**
   * {@code devq import FILE.onnx}: a model description of an ONNX model, written into {@code
   * out/models/ID.yaml} with the summary to print, or the error (nothing written). The file is
   * checked before the profiles load; {@code overlays} are the user's {@code --profiles}.
   *
   * @throws LoadException when the profiles do not load
   * @throws IOException when the description cannot be written (nothing was written)
   */
  public static Answer importOnnx(
      Path file, String id, Map<String, Long> dims, Path out, List<Path> overlays)
      throws LoadException, IOException {
    return ModelImports.run(file, id, dims, out, overlays);
  }
}
