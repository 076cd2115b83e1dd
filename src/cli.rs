//! The command-line interface (clap derive). `main.rs` only calls [`run`].

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::error::{Error, Result};
use crate::lexicon::Knowledge;
use crate::statement::Statement;
use crate::text::{Document, Lang};
use crate::{backend, corpus, export, sparql};

/// Builds a knowledge graph of political actors from French and English news.
#[derive(Debug, Parser)]
#[command(name = "actorgraph", version, about)]
pub struct Cli {
    /// Extra knowledge-base file (TSV; same header as a file in ontology/kb/). Repeatable.
    #[arg(long = "kb", global = true, value_name = "FILE")]
    pub kb: Vec<PathBuf>,
    /// Extra lexicon file (TSV; same header as a file in ontology/lexicon/). Repeatable.
    #[arg(long = "lexicon", global = true, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// The most `--threads` accepted: far past any machine's cores, and far
/// below the count where starting the pool hangs the machine.
pub const MAX_THREADS: usize = 256;

fn threads(s: &str) -> std::result::Result<usize, String> {
    let n: usize = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if n > MAX_THREADS {
        return Err(format!("at most {MAX_THREADS} threads (0: all cores)"));
    }
    Ok(n)
}

/// Credentials of a remote store (only on the commands that open a store).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct RemoteArgs {
    /// User name for a remote store (password from $ACTORGRAPH_PASSWORD or --password-file).
    #[arg(long, env = "ACTORGRAPH_USER")]
    pub user: Option<String>,
    /// File holding the remote store's password (first line).
    #[arg(long, env = "ACTORGRAPH_PASSWORD_FILE", value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// File holding a bearer token for a remote store (or $ACTORGRAPH_TOKEN).
    #[arg(long, env = "ACTORGRAPH_TOKEN_FILE", value_name = "FILE")]
    pub token_file: Option<PathBuf>,
}

/// How `extract` and `ingest` read their inputs.
#[derive(Debug, Clone, clap::Args)]
pub struct ReadArgs {
    /// Skip (and report) any document, or corpus line, over this many bytes.
    #[arg(long, default_value_t = crate::input::DEFAULT_MAX_DOC_BYTES, value_name = "BYTES")]
    pub max_doc_bytes: usize,
    /// A document whose id an earlier one of the run had: an error (the first is kept),
    /// skip it, or replace the first. Default: error for `ingest`; for `extract`,
    /// replace (both are written, each statement naming its document, with a note).
    #[arg(long, value_enum)]
    pub on_duplicate: Option<corpus::OnDuplicate>,
    /// Worker threads for extraction (0: all cores; at most 256). Output does not depend on it.
    #[arg(long, default_value_t = 0, value_parser = threads)]
    pub threads: usize,
}

/// Output format of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// JSON Lines, one statement a line (the extraction contract).
    Jsonl,
    /// Tab-separated values with a header.
    Tsv,
    /// RDF Turtle, as loaded into the store.
    Turtle,
}

/// Language option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangOpt {
    /// French.
    Fr,
    /// English.
    En,
    /// Detect per document.
    Auto,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// GEXF 1.3 with the viz module (Gephi).
    Gexf,
    /// GraphML.
    Graphml,
    /// Two CSV tables in Gephi's spreadsheet layout: OUTPUT-nodes.csv, OUTPUT-edges.csv.
    Csv,
    /// A static SVG picture (force-directed layout).
    Svg,
    /// Every statement as one CSV row (document, date, sentence, offsets, actors, predicate, ...).
    StatementsCsv,
    /// Every statement as one JSON object a line (same fields as statements-csv).
    StatementsJsonl,
}

/// `actorgraph kb` subcommands.
#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// Convert TABARI/PETRARCH actor dictionaries into knowledge-base tables for --kb
    /// (new people, organizations and groups only; known actors are skipped).
    ImportCameo {
        /// Dictionary files (e.g. Phoenix.Countries.actors.txt).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Directory for cameo-people.tsv and cameo-organizations.tsv.
        #[arg(long, short = 'o', default_value = ".")]
        out: PathBuf,
    },
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract statements from text files, JSON Lines corpora or `-` (stdin).
    Extract {
        /// Input files (.txt, .jsonl, .jsonl.gz), directories (searched recursively) or `-`.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ExtractFormat,
        /// Language of the documents.
        #[arg(long, value_enum, default_value = "auto")]
        lang: LangOpt,
        /// Publication date (YYYY-MM-DD) for documents that have none.
        #[arg(long)]
        date: Option<String>,
        /// Reading limits and duplicate ids.
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Extract and load into the store (one named graph per document; re-ingest replaces it).
    Ingest {
        /// Input files (.txt, .jsonl, .jsonl.gz), directories (searched recursively) or `-`.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Store: a directory, or a remote SPARQL endpoint `http(s)://…` (default: $ACTORGRAPH_STORE, then ./actorgraph-store).
        #[arg(long)]
        store: Option<String>,
        /// Remote store credentials.
        #[command(flatten)]
        remote: RemoteArgs,
        /// Language of the documents.
        #[arg(long, value_enum, default_value = "auto")]
        lang: LangOpt,
        /// Publication date (YYYY-MM-DD) for documents that have none.
        #[arg(long)]
        date: Option<String>,
        /// Reading limits and duplicate ids.
        #[command(flatten)]
        read: ReadArgs,
        /// Rewrite documents whose stored content is unchanged (default: skip them).
        #[arg(long)]
        force: bool,
    },
    /// Remove documents (their named graphs) from the store, by document id.
    Remove {
        /// Document ids (as `ingest` gave them: file stem, path, or corpus `id`).
        #[arg(required = true)]
        ids: Vec<String>,
        /// Store: a directory, or a remote endpoint (with --token-file or --user for its updates).
        #[arg(long)]
        store: Option<String>,
        /// Remote store credentials.
        #[command(flatten)]
        remote: RemoteArgs,
    },
    /// Run a SPARQL query (prefixes ag:, agr:, rdf:, rdfs:, owl:, skos:, prov:, dcterms:, xsd:, wd: are declared).
    Query {
        /// The query text (or use --file).
        query: Option<String>,
        /// Read the query from a file.
        #[arg(long, short = 'f')]
        file: Option<PathBuf>,
        /// Store: a directory or a remote SPARQL endpoint URL.
        #[arg(long)]
        store: Option<String>,
        /// Remote store credentials.
        #[command(flatten)]
        remote: RemoteArgs,
        /// Results format.
        #[arg(long, value_enum, default_value = "table")]
        format: sparql::Format,
        /// Bind ?NAME to VALUE (an IRI if written <…> or agr:…, a number, a date, else a string). Repeatable.
        #[arg(long = "param", short = 'p', value_name = "NAME=VALUE")]
        params: Vec<String>,
    },
    /// Export the actor network for Gephi (GEXF, GraphML, CSV) or as an SVG picture.
    Export {
        /// Format.
        #[arg(long, value_enum, default_value = "gexf")]
        format: ExportFormat,
        /// Output file (default: stdout); for csv, the prefix of the two tables.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        /// Store: a directory or a remote SPARQL endpoint URL.
        #[arg(long)]
        store: Option<String>,
        /// Remote store credentials.
        #[command(flatten)]
        remote: RemoteArgs,
        /// Keep negated statements as edges.
        #[arg(long)]
        include_negative: bool,
        /// Also count future, possible, reported and hypothetical statements (by default
        /// edges count only statements stated as fact: a planned meeting is not a held one).
        #[arg(long)]
        all_modalities: bool,
        /// Count only asserted statements: the default, kept for scripts written before.
        #[arg(long, hide = true, conflicts_with = "all_modalities")]
        asserted_only: bool,
        /// GEXF: write spells from statement dates for Gephi's timeline.
        #[arg(long)]
        dynamic: bool,
        /// One edge per predicate (default) or per actor pair with quad-class counts.
        #[arg(long, value_enum, default_value = "predicate")]
        aggregate: crate::export::Aggregate,
        /// Keep only these predicates (comma-separated or repeated).
        #[arg(long, value_delimiter = ',')]
        predicate: Vec<String>,
        /// Keep only these PLOVER types (comma-separated or repeated).
        #[arg(long, value_delimiter = ',')]
        plover: Vec<String>,
        /// Keep only edges between actors of these types (Person, Country, ...).
        #[arg(long, value_delimiter = ',')]
        types: Vec<String>,
        /// Keep statements dated on or after YYYY-MM-DD.
        #[arg(long)]
        since: Option<String>,
        /// Keep statements dated on or before YYYY-MM-DD.
        #[arg(long)]
        until: Option<String>,
        /// Drop edges with fewer statements.
        #[arg(long, default_value_t = 1)]
        min_weight: usize,
        /// Keep the neighbourhood of this actor (label or id).
        #[arg(long)]
        ego: Option<String>,
        /// Depth of the --ego neighbourhood.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// A CONSTRUCT or SELECT ?s ?p ?o query (file) whose triples define the subgraph.
        #[arg(long)]
        sparql: Option<PathBuf>,
        /// Seed of the SVG layout.
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Fold people and/or state bodies into their state (comma-separated).
        #[arg(long, value_enum, value_delimiter = ',')]
        fold: Vec<crate::export::fold::Fold>,
    },
    /// Show how a sentence is read: tokens, mentions, rules, statements.
    Explain {
        /// The sentence (or short text).
        text: String,
        /// Language.
        #[arg(long, value_enum, default_value = "auto")]
        lang: LangOpt,
        /// Document date (YYYY-MM-DD), for role descriptions.
        #[arg(long)]
        date: Option<String>,
    },
    /// Compact the on-disk store after large ingests: later statement-level
    /// queries read fewer files (minutes on a store of millions of quads).
    Optimize {
        /// Store directory.
        #[arg(long)]
        store: Option<PathBuf>,
        /// Also recount the network graph's counts from the statements (after
        /// document graphs were edited by hand, e.g. with SPARQL Update).
        #[arg(long)]
        recount: bool,
    },
    /// Knowledge-base statistics and checks, or an import.
    Kb {
        /// What to do (default: statistics).
        #[command(subcommand)]
        action: Option<KbCommand>,
    },
    /// Serve the store over the SPARQL 1.1 Protocol (read-only unless --allow-update).
    Serve(crate::server::ServeArgs),
    /// Print a shell completion script (e.g. `actorgraph completions bash > /etc/bash_completion.d/actorgraph`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (e.g. `actorgraph man > actorgraph.1; man ./actorgraph.1`).
    Man,
}

fn check_date(option: &str, d: &Option<String>) -> Result<()> {
    if let Some(d) = d {
        if d.len() != 10 || crate::lexicon::tsv::date(d, false).is_none() {
            return Err(Error::Usage(format!(
                "{option} must be a real date YYYY-MM-DD, not `{d}`"
            )));
        }
    }
    Ok(())
}

impl LangOpt {
    /// The language to assume, `None` to detect it per document.
    fn lang(self) -> Option<Lang> {
        match self {
            LangOpt::Fr => Some(Lang::Fr),
            LangOpt::En => Some(Lang::En),
            LangOpt::Auto => None,
        }
    }
}

fn read_secret(path: &std::path::Path) -> Result<String> {
    let s = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let line = s.lines().next().unwrap_or("").trim().to_string();
    if line.is_empty() {
        return Err(Error::Usage(format!(
            "{}: empty secret file",
            path.display()
        )));
    }
    Ok(line)
}

/// Where the store is, with credentials from files or the environment.
fn location(remote: &RemoteArgs, store: &Option<String>) -> Result<backend::Location> {
    let password = match &remote.password_file {
        Some(f) => Some(read_secret(f)?),
        None => std::env::var("ACTORGRAPH_PASSWORD").ok(),
    };
    let token = match &remote.token_file {
        Some(f) => Some(read_secret(f)?),
        None => std::env::var("ACTORGRAPH_TOKEN").ok(),
    };
    Ok(backend::Location {
        store: store.clone(),
        credentials: crate::remote::Credentials {
            user: remote.user.clone(),
            password,
            token,
        },
        timeout: None,
    })
}

fn knowledge(cli: &Cli) -> Result<Knowledge> {
    let kb: Vec<&std::path::Path> = cli.kb.iter().map(PathBuf::as_path).collect();
    let lx: Vec<&std::path::Path> = cli.lexicon.iter().map(PathBuf::as_path).collect();
    Knowledge::load(&kb, &lx)
}

fn run_options(
    lang: LangOpt,
    date: &Option<String>,
    read: &ReadArgs,
    on_duplicate: corpus::OnDuplicate,
) -> corpus::RunOptions {
    corpus::RunOptions {
        lang: lang.lang(),
        date: date.clone(),
        threads: read.threads,
        // Documents per chunk; the store loader's batch (tunable for benchmarks).
        chunk: std::env::var("ACTORGRAPH_CHUNK")
            .ok()
            .and_then(|v| v.parse().ok())
            .filter(|n| *n > 0)
            .unwrap_or(2000),
        progress: true,
        read: crate::input::ReadOptions {
            max_doc_bytes: read.max_doc_bytes,
        },
        on_duplicate: read.on_duplicate.unwrap_or(on_duplicate),
    }
}

fn lang_code(d: &Document) -> &'static str {
    d.lang
        .unwrap_or_else(|| crate::text::detect_lang(&d.text))
        .code()
}

/// Prints the run's summary; documents that failed make the exit code 1.
fn finish(summary: &corpus::Summary) -> Result<()> {
    eprintln!("actorgraph: {summary}");
    if summary.errors > 0 {
        return Err(Error::Usage(format!(
            "{} document(s) could not be read (see above)",
            summary.errors
        )));
    }
    if summary.documents == 0 {
        return Err(Error::Usage("no documents read".into()));
    }
    Ok(())
}

fn out_err(e: std::io::Error) -> Error {
    Error::io("<stdout>", e)
}

/// `export --format statements-csv|statements-jsonl`: every statement, one
/// row each (of the filters, --predicate, --plover, --since, --until apply).
fn export_statements(
    s: &backend::Backend,
    format: ExportFormat,
    opts: &export::Options,
    output: Option<&std::path::Path>,
) -> Result<()> {
    let start = std::time::Instant::now();
    let mut rows = export::statements::rows(s)?;
    rows.retain(|r| export::statements::keep(r, opts));
    let mut buf: Vec<u8> = Vec::new();
    if format == ExportFormat::StatementsCsv {
        export::statements::write_csv(&rows, &mut buf)
    } else {
        export::statements::write_jsonl(&rows, &mut buf)
    }
    .map_err(out_err)?;
    match output {
        Some(p) => std::fs::write(p, &buf).map_err(|e| Error::io(p, e))?,
        None => std::io::stdout().write_all(&buf).map_err(out_err)?,
    }
    eprintln!(
        "exported {} statement(s) in {:.3} s",
        rows.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<()> {
    match &cli.command {
        Command::Extract {
            files,
            format,
            lang,
            date,
            read,
        } => {
            check_date("--date", date)?;
            let k = knowledge(&cli)?;
            // Extraction stores nothing: a repeated id loses no document
            // (peer suites repeat some), so both are written.
            let opts = run_options(*lang, date, read, corpus::OnDuplicate::Replace);
            // Not locked: the writer moves to the output thread of the run.
            let mut out = BufWriter::new(std::io::stdout());
            let summary = match format {
                ExtractFormat::Jsonl | ExtractFormat::Tsv => {
                    if *format == ExtractFormat::Tsv {
                        writeln!(out, "{}", Statement::TSV_HEADER).map_err(out_err)?;
                    }
                    corpus::run(&k, files, &opts, |chunk| {
                        for st in chunk.iter().flat_map(|c| &c.1) {
                            let line = if *format == ExtractFormat::Tsv {
                                st.to_tsv()
                            } else {
                                st.to_json()
                            };
                            writeln!(out, "{line}").map_err(out_err)?;
                        }
                        Ok(())
                    })?
                }
                ExtractFormat::Turtle => {
                    let mut ser =
                        oxigraph::io::RdfSerializer::from_format(oxigraph::io::RdfFormat::TriG);
                    for (p, iri) in crate::rdf::PREFIXES {
                        ser = ser.with_prefix(*p, *iri).expect("valid prefix");
                    }
                    let mut w = ser.for_writer(&mut out);
                    let summary = corpus::run(&k, files, &opts, |chunk| {
                        for (d, sts, _) in chunk {
                            for q in crate::rdf::document_quads(d, sts, lang_code(d)) {
                                w.serialize_quad(&q).map_err(out_err)?;
                            }
                        }
                        Ok(())
                    })?;
                    w.finish().map_err(out_err)?;
                    summary
                }
            };
            out.flush().map_err(out_err)?;
            finish(&summary)
        }
        Command::Ingest {
            files,
            store: st,
            remote,
            lang,
            date,
            read,
            force,
        } => {
            check_date("--date", date)?;
            let k = knowledge(&cli)?;
            let opts = run_options(*lang, date, read, corpus::OnDuplicate::Error);
            let s = location(remote, st)?.open_write()?;
            s.load_knowledge(&k)?;
            let (mut quads, mut unchanged, mut undated) = (0, 0, 0);
            let summary = corpus::run(&k, files, &opts, |chunk| {
                let batch: Vec<(Document, Vec<Statement>, String)> = chunk
                    .iter()
                    .map(|(d, st, _)| (d.clone(), st.clone(), lang_code(d).to_string()))
                    .collect();
                undated += batch.iter().filter(|(d, _, _)| d.date.is_none()).count();
                let loaded = s.load_documents(&batch, *force)?;
                quads += loaded.quads;
                unchanged += loaded.unchanged;
                Ok(())
            })?;
            s.refresh_network()?;
            let total = s.len()?;
            eprintln!(
                "ingested {quads} quad(s) into {} ({total} quads in store)",
                s.name()
            );
            if undated > 0 {
                eprintln!(
                    "actorgraph: warning: {undated} of {} document(s) have no date: date filters (--since, --until, between-dates) skip their statements; give --date or a JSON Lines `date`",
                    summary.documents
                );
            }
            if unchanged > 0 {
                eprintln!(
                    "actorgraph: {unchanged} document(s) already stored unchanged, left as they were (--force rewrites them)"
                );
            }
            if quads >= 1_000_000 && matches!(s, crate::backend::Backend::Local(..)) {
                eprintln!(
                    "actorgraph: a large load leaves many files to search; `actorgraph optimize --store {}` compacts them (statement-level queries get several times faster)",
                    s.name()
                );
            }
            finish(&summary)
        }
        Command::Query {
            query,
            file,
            store: st,
            remote,
            format,
            params,
        } => {
            let q = match (query, file) {
                (Some(q), None) => q.clone(),
                (None, Some(f)) => std::fs::read_to_string(f).map_err(|e| Error::io(f, e))?,
                (Some(_), Some(_)) => {
                    return Err(Error::Usage(
                        "give the query as an argument or with --file, not both".into(),
                    ));
                }
                (None, None) => {
                    return Err(Error::Usage(
                        "no query: give SPARQL text or --file Q.rq".into(),
                    ));
                }
            };
            let params = params
                .iter()
                .map(|p| crate::params::Param::parse(p))
                .collect::<Result<Vec<_>>>()?;
            // A library query's `# param:` lines say what it needs: a missing
            // one would leave its variable unbound and answer nothing.
            let missing: Vec<String> = crate::server::library::param_lines(&q)
                .into_iter()
                .filter(|d| !params.iter().any(|p| p.name == d.name))
                .map(|d| format!("-p {}={}", d.name, d.example))
                .collect();
            if !missing.is_empty() {
                return Err(Error::Usage(format!(
                    "the query needs parameter(s) it declares in `# param:` lines: give {}",
                    missing.join(" ")
                )));
            }
            // Parse before opening anything: a typo is not a store problem.
            let q = crate::params::prepare(&q, &params)?;
            let s = location(remote, st)?.open_read()?;
            s.warn_outdated_network();
            let stdout = std::io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            sparql::run(&s, q, *format, &mut out)?;
            out.flush().map_err(out_err)
        }
        Command::Export {
            format,
            output,
            store: st,
            remote,
            include_negative,
            all_modalities,
            asserted_only: _,
            dynamic,
            aggregate,
            predicate,
            plover,
            types,
            since,
            until,
            min_weight,
            ego,
            depth,
            sparql,
            seed,
            fold,
        } => {
            check_date("--since", since)?;
            check_date("--until", until)?;
            let s = location(remote, st)?.open_read()?;
            let warn_undated = |undated: usize, documents: usize| {
                if undated > 0 {
                    eprintln!(
                        "actorgraph: warning: {undated} of {documents} document(s) have no date: their statements have no first/last date or spell and --since/--until drop them (give ingest --date or a corpus `date`)"
                    );
                }
            };
            if matches!(
                format,
                ExportFormat::StatementsCsv | ExportFormat::StatementsJsonl
            ) {
                // Options that shape a network mean nothing for a table of
                // statements: say so rather than ignore them.
                let network_only = [
                    ("--types", !types.is_empty()),
                    ("--ego", ego.is_some()),
                    ("--sparql", sparql.is_some()),
                    ("--fold", !fold.is_empty()),
                    ("--dynamic", *dynamic),
                    ("--min-weight", *min_weight != 1),
                    ("--aggregate", *aggregate != export::Aggregate::Predicate),
                ];
                if let Some((flag, _)) = network_only.iter().find(|(_, set)| *set) {
                    return Err(Error::Usage(format!(
                        "{flag} applies to network exports, not to --format statements-csv|statements-jsonl (which take --predicate, --plover, --since, --until)"
                    )));
                }
                let opts = export::Options {
                    predicates: predicate.clone(),
                    plover: plover.clone(),
                    since: since.clone(),
                    until: until.clone(),
                    ..export::Options::default()
                };
                let (undated, documents) = export::undated_documents(&s)?;
                warn_undated(undated, documents);
                return export_statements(&s, *format, &opts, output.as_deref());
            }
            let sparql = match sparql {
                Some(f) => Some(std::fs::read_to_string(f).map_err(|e| Error::io(f, e))?),
                None => None,
            };
            let opts = export::Options {
                include_negative: *include_negative,
                predicates: predicate.clone(),
                plover: plover.clone(),
                types: types.clone(),
                since: since.clone(),
                until: until.clone(),
                min_weight: *min_weight,
                ego: ego.clone(),
                depth: *depth,
                sparql,
                aggregate: *aggregate,
                from_statements: false,
                asserted_only: !*all_modalities,
                spells: *dynamic,
                fold: fold.clone(),
            };
            let start = std::time::Instant::now();
            let (g, route) = export::network_with_route(&s, &opts)?;
            match route {
                // The summaries carry each document's date: no second scan.
                export::Route::Summaries { documents, undated } => warn_undated(undated, documents),
                export::Route::Statements { missing } => {
                    let (undated, documents) = export::undated_documents(&s)?;
                    warn_undated(undated, documents);
                    eprintln!(
                        "actorgraph: {missing} document(s) have no edge summary with asserted counts (loaded by an older version or another tool): read every statement instead, which is slower; re-ingest them with --force for a fast export"
                    );
                }
            }
            let write_to = |p: &std::path::Path, buf: &[u8]| {
                std::fs::write(p, buf).map_err(|e| Error::io(p, e))
            };
            if *format == ExportFormat::Csv {
                let base = output.as_ref().ok_or_else(|| Error::Usage("--format csv needs --output PREFIX (writes PREFIX-nodes.csv and PREFIX-edges.csv)".into()))?;
                let base = base.to_string_lossy().trim_end_matches(".csv").to_string();
                let (mut nodes, mut edges) = (Vec::new(), Vec::new());
                export::csv::write_nodes(&g, &mut nodes).map_err(out_err)?;
                export::csv::write_edges(&g, &mut edges).map_err(out_err)?;
                write_to(std::path::Path::new(&format!("{base}-nodes.csv")), &nodes)?;
                write_to(std::path::Path::new(&format!("{base}-edges.csv")), &edges)?;
            } else {
                let mut buf: Vec<u8> = Vec::new();
                match format {
                    ExportFormat::Gexf => export::gexf::write(
                        &g,
                        export::gexf::GexfOptions { dynamic: *dynamic },
                        &mut buf,
                    ),
                    ExportFormat::Graphml => export::graphml::write(&g, &mut buf),
                    ExportFormat::Svg => export::svg::write(&g, *seed, &mut buf),
                    ExportFormat::Csv
                    | ExportFormat::StatementsCsv
                    | ExportFormat::StatementsJsonl => unreachable!("handled above"),
                }
                .map_err(out_err)?;
                match output {
                    Some(p) => write_to(p, &buf)?,
                    None => std::io::stdout().write_all(&buf).map_err(out_err)?,
                }
            }
            eprintln!(
                "exported {} node(s), {} edge(s) in {:.3} s",
                g.node_count(),
                g.edge_count(),
                start.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Explain { text, lang, date } => {
            check_date("--date", date)?;
            let k = knowledge(&cli)?;
            let mut doc = Document::new("explain", text.clone());
            doc.lang = lang.lang();
            doc.date = date.clone();
            let stdout = std::io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            crate::explain::write(&k, &doc, &mut out).map_err(out_err)?;
            out.flush().map_err(out_err)
        }
        Command::Serve(args) => {
            let token = match &args.token_file {
                Some(f) => Some(read_secret(f)?),
                None => None,
            };
            crate::server::serve(args, token)
        }
        Command::Kb {
            action: Some(KbCommand::ImportCameo { files, out }),
        } => {
            let k = knowledge(&cli)?;
            let files: Vec<&std::path::Path> = files.iter().map(PathBuf::as_path).collect();
            let summary = crate::lexicon::cameo::import(&k, &files, out)?;
            eprintln!("actorgraph: {summary}");
            eprintln!(
                "use them with: actorgraph --kb {0}/cameo-people.tsv --kb {0}/cameo-organizations.tsv …",
                out.display()
            );
            Ok(())
        }
        Command::Remove {
            ids,
            store: st,
            remote,
        } => {
            let s = location(remote, st)?.open_existing_write()?;
            let missing = s.remove_documents(ids)?;
            s.refresh_network()?;
            eprintln!(
                "actorgraph: removed {} document(s) from {}",
                ids.len() - missing.len(),
                s.name()
            );
            if missing.is_empty() {
                Ok(())
            } else {
                Err(Error::Usage(format!(
                    "no such document in the store: {}",
                    missing.join(", ")
                )))
            }
        }
        Command::Optimize { store: st, recount } => {
            let path = crate::store::location(st.as_deref());
            let start = std::time::Instant::now();
            if *recount {
                let s = crate::store::open_existing_write(&path)?;
                crate::store::network::recount_network(&s, &path)?;
            }
            crate::store::optimize(&path)?;
            eprintln!(
                "actorgraph: optimized {} in {:.1} s",
                path.display(),
                start.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            // Into memory: clap_complete panics when its writer fails (a closed pipe).
            let mut buf = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "actorgraph", &mut buf);
            std::io::stdout().write_all(&buf).map_err(out_err)
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_mangen::Man::new(cmd)
                .render(&mut buf)
                .map_err(out_err)?;
            std::io::stdout().write_all(&buf).map_err(out_err)
        }
        Command::Kb { action: None } => {
            let k = knowledge(&cli)?;
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            crate::explain::kb_stats(&k, &mut out).map_err(out_err)
        }
    }
}
