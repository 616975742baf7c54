package org.stancegraph.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The who-supports-whom network as a picture for papers: {@code <base>.svg} (written by
 * hand as XML) and {@code <base>.png} (drawn with Java2D, headless). Both come from one
 * {@link NetworkPicture}, so they show the same layout; both are byte-identical for the
 * same store (coordinates rounded to 0.1 px in SVG; ImageIO's PNG writer adds no time).
 */
final class NetworkImageFiles implements FormatFamily {
    static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String FONT = "DejaVu Sans, Arial, Helvetica, sans-serif";

    @Override
    public ExportFormat.Family family() {
        return ExportFormat.Family.NETWORK_IMAGE;
    }

    @Override
    public List<ExportedFile> write(ExportContext context, Set<ExportFormat> formats) throws IOException {
        Network network = context.network();
        NetworkPicture picture = NetworkPicture.of(network);
        ExportOptions options = context.options();
        long count = network.nodes().size() + network.edges().size();
        List<ExportedFile> files = new ArrayList<>();
        if (formats.contains(ExportFormat.SVG)) {
            try (OutputFile file = OutputFile.open(options.outputDirectory(), options.baseName() + ".svg", options.gzip())) {
                writeSvg(picture, file.stream());
                files.add(file.finish("Network (SVG)", "Who supports whom drawn as a vector image: actors as nodes,"
                        + " stance classes between them as coloured edges weighted by the number of statements.",
                        "image/svg+xml", count, "nodes and edges"));
            }
        }
        if (formats.contains(ExportFormat.PNG)) {
            try (OutputFile file = OutputFile.open(options.outputDirectory(), options.baseName() + ".png", options.gzip())) {
                writePng(picture, file.stream());
                files.add(file.finish("Network (PNG)", "Who supports whom drawn as a raster image, the same layout as the SVG.",
                        "image/png", count, "nodes and edges"));
            }
        }
        return files;
    }

    static void writeSvg(NetworkPicture picture, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("svg");
            xml.writeDefaultNamespace(SVG_NS);
            xml.writeAttribute("width", Integer.toString(picture.width()));
            xml.writeAttribute("height", Integer.toString(picture.height()));
            xml.writeAttribute("viewBox", "0 0 " + picture.width() + " " + picture.height());
            xml.writeAttribute("font-family", FONT);
            xml.writeCharacters("\n");
            xml.writeStartElement("title");
            xml.writeCharacters("StanceGraph: who supports whom");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEmptyElement("rect");
            xml.writeAttribute("width", "100%");
            xml.writeAttribute("height", "100%");
            xml.writeAttribute("fill", "#ffffff");
            for (NetworkPicture.Shape shape : picture.shapes()) {
                xml.writeCharacters("\n");
                svgShape(xml, shape);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write SVG: " + e.getMessage(), e);
        }
    }

    private static void svgShape(XMLStreamWriter xml, NetworkPicture.Shape shape) throws XMLStreamException {
        if (shape instanceof NetworkPicture.Line l) {
            xml.writeEmptyElement("line");
            xml.writeAttribute("x1", n(l.x1()));
            xml.writeAttribute("y1", n(l.y1()));
            xml.writeAttribute("x2", n(l.x2()));
            xml.writeAttribute("y2", n(l.y2()));
            xml.writeAttribute("stroke", l.colour());
            xml.writeAttribute("stroke-width", n(l.width()));
            if (!l.dash().isEmpty()) {
                xml.writeAttribute("stroke-dasharray", l.dash());
            }
        } else if (shape instanceof NetworkPicture.Polygon p) {
            xml.writeEmptyElement("polygon");
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < p.xs().length; i++) {
                points.append(i == 0 ? "" : " ").append(n(p.xs()[i])).append(',').append(n(p.ys()[i]));
            }
            xml.writeAttribute("points", points.toString());
            xml.writeAttribute("fill", p.fill());
            xml.writeAttribute("stroke", p.stroke());
        } else if (shape instanceof NetworkPicture.Ellipse e) {
            xml.writeEmptyElement("circle");
            xml.writeAttribute("cx", n(e.cx()));
            xml.writeAttribute("cy", n(e.cy()));
            xml.writeAttribute("r", n(e.r()));
            xml.writeAttribute("fill", e.fill());
            xml.writeAttribute("stroke", e.stroke());
        } else if (shape instanceof NetworkPicture.Text t) {
            xml.writeStartElement("text");
            xml.writeAttribute("x", n(t.x()));
            xml.writeAttribute("y", n(t.y()));
            xml.writeAttribute("font-size", Integer.toString(t.size()));
            if (t.bold()) {
                xml.writeAttribute("font-weight", "bold");
            }
            if (t.centred()) {
                xml.writeAttribute("text-anchor", "middle");
            }
            xml.writeAttribute("fill", t.colour());
            xml.writeCharacters(t.text());
            xml.writeEndElement();
        }
    }

    /** Coordinates to 0.1 px, locale-free, so that the file does not depend on where it is written. */
    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static void writePng(NetworkPicture picture, OutputStream out) throws IOException {
        // No display is needed or wanted: a server or CI has none.
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, picture.width(), picture.height());
            for (NetworkPicture.Shape shape : picture.shapes()) {
                pngShape(g, shape);
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("this Java has no PNG writer");
        }
    }

    private static void pngShape(Graphics2D g, NetworkPicture.Shape shape) {
        if (shape instanceof NetworkPicture.Line l) {
            g.setColor(Color.decode(l.colour()));
            g.setStroke(l.dash().isEmpty() ? new BasicStroke((float) l.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER)
                    : new BasicStroke((float) l.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, dashes(l.dash()), 0));
            g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
        } else if (shape instanceof NetworkPicture.Polygon p) {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(p.xs()[0], p.ys()[0]);
            for (int i = 1; i < p.xs().length; i++) {
                path.lineTo(p.xs()[i], p.ys()[i]);
            }
            path.closePath();
            g.setColor(Color.decode(p.fill()));
            g.fill(path);
            g.setColor(Color.decode(p.stroke()));
            g.setStroke(new BasicStroke(1));
            g.draw(path);
        } else if (shape instanceof NetworkPicture.Ellipse e) {
            Ellipse2D.Double circle = new Ellipse2D.Double(e.cx() - e.r(), e.cy() - e.r(), 2 * e.r(), 2 * e.r());
            g.setColor(Color.decode(e.fill()));
            g.fill(circle);
            g.setColor(Color.decode(e.stroke()));
            g.setStroke(new BasicStroke(1));
            g.draw(circle);
        } else if (shape instanceof NetworkPicture.Text t) {
            g.setFont(new Font(Font.SANS_SERIF, t.bold() ? Font.BOLD : Font.PLAIN, t.size()));
            g.setColor(Color.decode(t.colour()));
            float x = (float) t.x() - (t.centred() ? g.getFontMetrics().stringWidth(t.text()) / 2f : 0);
            g.drawString(t.text(), x, (float) t.y());
        }
    }

    private static float[] dashes(String dash) {
        String[] parts = dash.split(" ");
        float[] lengths = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            lengths[i] = Float.parseFloat(parts[i]);
        }
        return lengths;
    }
}
