import { elbListenerHttp } from '../../src/rules/misc/aws-elb-listener-http';
import { testRule } from '../rule-tester';

testRule(elbListenerHttp, {
  valid: [
    {
      name: 'HTTPS listener forwarding to a target group',
      code: `Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 443
      Protocol: HTTPS
      Certificates: [{CertificateArn: !Ref Cert}]
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref Targets
`,
    },
    {
      name: 'HTTP listener that redirects to HTTPS',
      code: `Resources:
  HttpListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig:
            Protocol: HTTPS
            Port: "443"
            StatusCode: HTTP_301
`,
    },
    {
      name: 'Protocol from a parameter without Default cannot be known',
      code: `Parameters:
  ListenerProtocol:
    Type: String
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 80
      Protocol: !Ref ListenerProtocol
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref Targets
`,
    },
    {
      name: 'network load balancer TCP listener and classic HTTPS/TCP listeners',
      code: `Resources:
  NlbListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Nlb
      Port: 5432
      Protocol: TCP
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref Targets
  Classic:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - {LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS, SSLCertificateId: !Ref Cert}
        - {LoadBalancerPort: "5432", InstancePort: "5432", Protocol: TCP}
`,
    },
    {
      name: 'redirect action whose protocol cannot be known',
      code: `Parameters:
  RedirectProtocol:
    Type: String
Resources:
  HttpListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig: {Protocol: !Ref RedirectProtocol, StatusCode: HTTP_302}
`,
    },
    {
      name: 'JSON: HTTP listener that redirects to HTTPS, the action kept only under a condition',
      code: `{
  "Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "HttpListener": {
      "Type": "AWS::ElasticLoadBalancingV2::Listener",
      "Properties": {
        "LoadBalancerArn": {"Ref": "Alb"},
        "Port": 80,
        "Protocol": "HTTP",
        "DefaultActions": [
          {"Fn::If": ["C", {"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "StatusCode": "HTTP_301"}}, {"Ref": "AWS::NoValue"}]}
        ]
      }
    }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'HTTP listener forwarding to targets: reported at the Protocol value',
      code: `Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref Targets
`,
      errors: [{ line: 7, column: 17, endLine: 7, endColumn: 21, message: 'Listener Listener serves plain HTTP', resource: 'Listener' }],
    },
    {
      name: 'redirect without Protocol keeps plain HTTP',
      code: `Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig: {Host: www.example.com, StatusCode: HTTP_301}
`,
      errors: [{ line: 7, column: 17, endLine: 7, endColumn: 21 }],
    },
    {
      name: 'Protocol from a parameter whose Default is HTTP: reported at the Ref',
      code: `Parameters:
  ListenerProtocol:
    Type: String
    Default: HTTP
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 80
      Protocol: !Ref ListenerProtocol
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: {StatusCode: "200", ContentType: text/plain, MessageBody: ok}
`,
      errors: [{ line: 11, column: 17, endLine: 11, endColumn: 38 }],
    },
    {
      name: 'one Fn::If branch listens on HTTP',
      code: `Conditions:
  HasCert: !Equals [!Ref "AWS::Region", us-east-1]
Resources:
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: !If [HasCert, 443, 80]
      Protocol: !If [HasCert, HTTPS, HTTP]
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref Targets
`,
      errors: [{ line: 9, column: 38, endLine: 9, endColumn: 42 }],
    },
    {
      name: 'classic load balancer with an HTTP listener',
      code: `Resources:
  Classic:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Listeners:
        - LoadBalancerPort: "443"
          InstancePort: "80"
          Protocol: HTTPS
          SSLCertificateId: !Ref Cert
        - LoadBalancerPort: "80"
          InstancePort: "80"
          Protocol: http
`,
      errors: [{ line: 12, column: 21, endLine: 12, endColumn: 25, message: 'Classic load balancer Classic has a listener with Protocol HTTP' }],
    },
    {
      name: 'JSON: long-form Fn::If in the default action forwards over HTTP',
      code: `{
  "Conditions": {"Redirect": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
  "Resources": {
    "Listener": {
      "Type": "AWS::ElasticLoadBalancingV2::Listener",
      "Properties": {
        "LoadBalancerArn": {"Ref": "Alb"},
        "Port": 80,
        "Protocol": "HTTP",
        "DefaultActions": [{"Fn::If": ["Redirect",
          {"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "StatusCode": "HTTP_301"}},
          {"Type": "forward", "TargetGroupArn": {"Ref": "Targets"}}]}]
      }
    }
  }
}`,
      errors: [{ line: 9, column: 21, endLine: 9, endColumn: 27 }],
    },
    {
      name: 'JSON: classic load balancer listener protocol from a parameter Default',
      code: `{
  "Parameters": {"Proto": {"Type": "String", "Default": "HTTP"}},
  "Resources": {
    "Classic": {
      "Type": "AWS::ElasticLoadBalancing::LoadBalancer",
      "Properties": {"Listeners": [{"LoadBalancerPort": "80", "InstancePort": "80", "Protocol": {"Ref": "Proto"}}]}
    }
  }
}`,
      errors: [{ line: 6, column: 97, endLine: 6, endColumn: 113 }],
    },
  ],
});
