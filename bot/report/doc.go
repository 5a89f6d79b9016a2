// Package report writes planbot's files: the Excel weekly report (xlsx*.go)
// and the retrospective's chart (chart*.go, font.go). It is the only package
// that imports excelize and the chart library.
package report
