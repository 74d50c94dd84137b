# The forecast module against R, the reference implementation of Holt-Winters (ctest
# forecast_vs_r). R computes every expected value at test time from the series files:
#   Rscript compare_with_r.R path/to/salesloop_forecast path/to/series/
# (a) with alpha, beta, gamma fixed to R's fitted values, our SSE, point forecasts and 80 %
#     bounds equal HoltWinters()/predict(..., prediction.interval = TRUE, level = 0.8) to 1e-6
#     relative; (b) our own fit's SSE is at most 1.01 × R's; (c) linear trend + seasonal naive
#     and its rolling-origin backtest equal an R implementation of docs/metrics.md's
#     definitions, and the choice follows the backtests; on the demo's medium-scale sales
#     Holt-Winters beats it. Every figure is printed (docs/forecasting.md quotes them).
args <- commandArgs(trailingOnly = TRUE)
tool <- args[1]
dir <- args[2]
horizon <- 12
failures <- 0
check <- function(ok, what) {
  if (!isTRUE(ok)) {
    cat("FAIL:", what, "\n")
    failures <<- failures + 1
  }
}
run <- function(...) {
  out <- system2(tool, c(...), stdout = TRUE)
  if (!is.null(attr(out, "status"))) stop("salesloop_forecast failed: ", paste(c(...), collapse = " "))
  out
}
numbers <- function(lines) do.call(rbind, lapply(strsplit(lines, " "), as.numeric))
rel <- function(ours, theirs) max(abs(ours - theirs) / pmax(abs(theirs), 1e-300))
fmt <- function(v) sprintf("%.17g", v)

# Linear trend + seasonal naive as docs/metrics.md defines it (P4), written from the text.
tsn <- function(x, h, level = 0.8) {
  n <- length(x)
  t <- 0:(n - 1)
  line <- if (n > 1) coef(lm(x ~ t)) else c(x[1], 0)
  r <- x - (line[1] + line[2] * t)
  sigma2 <- if (n > 12) mean((r[13:n] - r[1:(n - 12)])^2) else if (n > 2) sum(r^2) / (n - 2) else 0
  z <- qnorm((1 + level) / 2)
  k <- (1:h - 1) %/% 12
  tt <- n - 1 + 1:h
  same <- tt - (k + 1) * 12
  value <- line[1] + line[2] * tt + ifelse(same >= 0, r[pmax(same, 0) + 1], 0)
  half <- z * sqrt(sigma2) * sqrt(k + 1)
  cbind(value, value - half, value + half)
}
seasonal_naive <- function(x, h) x[length(x) + 1:h - 12 * ceiling(1:h / 12)]
first_origin <- function(n) if (n > 24) 24 else if (n > 12) 12 else 2
backtest <- function(x, method) {
  n <- length(x)
  a <- f <- c()
  for (o in first_origin(n):(n - 1)) {
    h <- min(12, n - o)
    a <- c(a, x[o + 1:h])
    f <- c(f, method(x[1:o], h))
  }
  nz <- a != 0
  c(mape = if (any(nz)) mean(abs(a - f)[nz] / abs(a[nz])) else NA, wape = sum(abs(a - f)) / sum(abs(a)), points = length(a))
}

for (file in sort(Sys.glob(file.path(dir, "*.txt")))) {
  name <- basename(file)
  x <- scan(file, comment.char = "#", quiet = TRUE)
  m <- HoltWinters(ts(x, frequency = 12))
  p <- predict(m, horizon, prediction.interval = TRUE, level = 0.8)

  # (a) fixed parameters: the recursion, the start values and the intervals are R's.
  fixed <- run("hw", file, horizon, 0.8, fmt(m$alpha), fmt(m$beta), fmt(m$gamma))
  head <- as.numeric(strsplit(fixed[1], " ")[[1]])
  bands <- numbers(fixed[-1])
  check(rel(head[4], m$SSE) < 1e-6, paste(name, "SSE at R's parameters", head[4], "vs", m$SSE))
  check(rel(bands[, 1], p[, "fit"]) < 1e-6, paste(name, "point forecasts", rel(bands[, 1], p[, "fit"])))
  check(rel(bands[, 2], p[, "lwr"]) < 1e-6, paste(name, "lower 80 % bounds", rel(bands[, 2], p[, "lwr"])))
  check(rel(bands[, 3], p[, "upr"]) < 1e-6, paste(name, "upper 80 % bounds", rel(bands[, 3], p[, "upr"])))

  # (b) our optimiser is at least as good as R's L-BFGS-B (to 1 %).
  ours <- as.numeric(strsplit(run("hw", file, horizon, 0.8)[1], " ")[[1]])
  check(ours[4] <= 1.01 * m$SSE, paste(name, "fitted SSE", ours[4], "> 1.01 × R's", m$SSE))
  cat(sprintf("%-16s R: alpha %.4f beta %.4f gamma %.4f SSE %.6g | ours: alpha %.4f beta %.4f gamma %.4f SSE %.6g (%.6f × R's); fixed-parameter max rel. diff %.1e\n",
              name, m$alpha, m$beta, m$gamma, m$SSE, ours[1], ours[2], ours[3], ours[4], ours[4] / m$SSE,
              max(rel(bands[, 1], p[, "fit"]), rel(bands[, 2], p[, "lwr"]), rel(bands[, 3], p[, "upr"]))))

  # (c) trend + seasonal naive and its backtest, as the docs define them.
  expected <- tsn(x, horizon)
  got <- numbers(run("tsn", file, horizon, 0.8))
  check(rel(got, expected) < 1e-9, paste(name, "trend + seasonal naive", rel(got, expected)))
  line <- run("line", file, horizon, 0.8)
  field <- function(key) {
    v <- strsplit(line[startsWith(line, paste0(key, " "))], " ")[[1]][-1]
    suppressWarnings(as.numeric(v))
  }
  naive_bt <- field("naive")
  want <- backtest(x, function(h, k) tsn(h, k)[, 1])
  check(abs(naive_bt[1] - want["mape"]) < 1e-6 && abs(naive_bt[2] - want["wape"]) < 1e-6 && naive_bt[3] == want["points"],
        paste(name, "trend + seasonal naive backtest", paste(naive_bt, collapse = " "), "vs", paste(want, collapse = " ")))
  sn <- backtest(x, seasonal_naive)
  chosen <- field("backtest")
  method <- sub("^method ", "", line[1])
  r_hw <- backtest(x, function(h, k) {
    fit <- tryCatch(suppressWarnings(HoltWinters(ts(h, frequency = 12))), error = function(e) NULL)
    if (is.null(fit)) rep(NA, k) else as.numeric(predict(fit, k))
  })
  cat(sprintf("%-16s backtest MAPE (WAPE): chosen %s %.4f (%.4f); ours HW %.4f; R HW refit %.4f; seasonal naive %.4f (%.4f); %d pairs\n",
              name, method, chosen[1], chosen[2], field("holt_winters")[1], r_hw["mape"], sn["mape"], sn["wape"], as.integer(chosen[3])))
  hw_bt <- field("holt_winters")
  if (!is.na(hw_bt[1])) {
    want_method <- if (naive_bt[1] < hw_bt[1]) "trend_seasonal_naive" else "holt_winters"
    check(method == want_method, paste(name, "chose", method, "with backtest MAPE HW", hw_bt[1], "naive", naive_bt[1]))
  }
  # On the demo's medium-scale sales (the `make run` data set) Holt-Winters beats the trend +
  # seasonal naive fallback. Plain seasonal naive (last year's month) is NOT beaten on either
  # demo series (docs/forecasting.md has the figures): reported above, not asserted.
  if (name == "demo_sales_medium.txt") {
    check(method == "holt_winters" && hw_bt[1] < naive_bt[1],
          paste(name, "Holt-Winters' backtest MAPE", hw_bt[1], "does not beat trend + seasonal naive", naive_bt[1]))
  }
}
if (failures > 0) quit(status = 1)
cat("forecast vs R: all checks passed\n")
