# Writes the outer rings of Natural Earth admin-0 countries whose bounding box meets a map window,
# one ring per line: "A3<TAB>lon lat,lon lat,...". Reads the data of the Debian package
# r-cran-rnaturalearthdata (Natural Earth, public domain; the R package is CC0).
# Usage: Rscript extract.R [SCALE [LONMIN LONMAX LATMIN LATMAX]] > rings.tsv
#   SCALE: 50 (1:50m, the default) or 110 (1:110m); the default window is the China map's.
suppressMessages(library(sp))
args <- commandArgs(trailingOnly = TRUE)
scale <- if (length(args) >= 1) args[1] else "50"
window <- if (length(args) >= 5) as.numeric(args[2:5]) else c(68, 140, 12, 57) # lon min, lon max, lat min, lat max
name <- paste0("countries", scale)
data(list = name, package = "rnaturalearthdata")
countries <- get(name)
a3 <- as.character(countries$adm0_a3)
for (i in seq_along(countries@polygons)) {
  for (p in countries@polygons[[i]]@Polygons) {
    if (p@hole) next
    xy <- p@coords
    if (max(xy[, 1]) < window[1] || min(xy[, 1]) > window[2] ||
        max(xy[, 2]) < window[3] || min(xy[, 2]) > window[4]) next
    cat(a3[i], "\t", paste(sprintf("%.4f %.4f", xy[, 1], xy[, 2]), collapse = ","), "\n", sep = "")
  }
}
