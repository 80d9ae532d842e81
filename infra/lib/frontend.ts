import { Annotations, Duration } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

export interface FrontendProps {
  readonly envName: string;
  readonly appDomain: string;
  readonly apiDomain: string;
  readonly certificateArn: string;
  readonly spaBucket: s3.IBucket;
  readonly logsBucket: s3.IBucket;
  /** ../frontend/dist, or undefined when it does not exist at synth time. */
  readonly distDirectory?: string;
}

/** index.html (and every non-hashed file) is revalidated on each visit; hashed /assets/* are cached for a year. */
export const HTML_CACHE_CONTROL = 'no-cache';
export const ASSETS_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export function contentSecurityPolicy(apiDomain: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' https://${apiDomain}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

/**
 * The SPA: a private bucket read by CloudFront through Origin Access Control. The API is NOT behind this
 * distribution; it has its own origin (apiDomain, the ALB), and the session cookie is Secure; SameSite=None;
 * Domain=COOKIE_DOMAIN so that the SPA on appDomain sends it to apiDomain.
 */
export class Frontend extends Construct {
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: FrontendProps) {
    super(scope, id);
    const origin = origins.S3BucketOrigin.withOriginAccessControl(props.spaBucket);

    const securityHeaders = (cacheControl: string): cloudfront.ResponseHeadersPolicyProps => ({
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: false, override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true,
        },
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.apiDomain), override: true },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Cache-Control', value: cacheControl, override: true }],
      },
    });
    const htmlHeaders = new cloudfront.ResponseHeadersPolicy(this, 'HtmlHeaders', {
      responseHeadersPolicyName: `cmep-${props.envName}-spa-html`,
      comment: 'CMEP SPA: security headers, index.html revalidated on every visit',
      ...securityHeaders(HTML_CACHE_CONTROL),
    });
    const assetsHeaders = new cloudfront.ResponseHeadersPolicy(this, 'AssetsHeaders', {
      responseHeadersPolicyName: `cmep-${props.envName}-spa-assets`,
      comment: 'CMEP SPA: security headers, content-hashed assets immutable',
      ...securityHeaders(ASSETS_CACHE_CONTROL),
    });

    // edge caching: index.html at most a minute (a deployment also invalidates /*), assets a year
    const htmlCache = new cloudfront.CachePolicy(this, 'HtmlCache', {
      cachePolicyName: `cmep-${props.envName}-spa-html`,
      comment: 'CMEP SPA index.html and other non-hashed files',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.minutes(1),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const assetsCache = new cloudfront.CachePolicy(this, 'AssetsCache', {
      cachePolicyName: `cmep-${props.envName}-spa-assets`,
      comment: 'CMEP SPA content-hashed /assets/*',
      defaultTtl: Duration.days(365),
      minTtl: Duration.days(1),
      maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `CMEP ${props.envName} web app (${props.appDomain})`,
      domainNames: [props.appDomain],
      certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // all edges: the users are in Peru, and Price Class 100 has no South American edge
      priceClass: cloudfront.PriceClass.PRICE_CLASS_ALL,
      defaultRootObject: 'index.html',
      enableLogging: true,
      logBucket: props.logsBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: htmlCache,
        responseHeadersPolicy: htmlHeaders,
        compress: true,
      },
      additionalBehaviors: {
        '/assets/*': {
          origin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: assetsCache,
          responseHeadersPolicy: assetsHeaders,
          compress: true,
        },
      },
      // SPA routing: a deep link (/solicitudes/12) is not an object; S3 answers 403 (no ListBucket) or 404
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(10),
      })),
    });

    if (props.distDirectory) {
      new s3deploy.BucketDeployment(this, 'Files', {
        sources: [s3deploy.Source.asset(props.distDirectory)],
        destinationBucket: props.spaBucket,
        prune: true,
        memoryLimit: 512,
        distribution: this.distribution,
        distributionPaths: ['/*'],
      });
    } else {
      Annotations.of(this).addWarningV2('cmep:spa-not-built',
        'frontend/dist does not exist: the SPA files are not deployed (build the frontend with '
        + 'VITE_API_URL=https://<apiDomain> first, then synth/deploy again)');
    }
  }
}
